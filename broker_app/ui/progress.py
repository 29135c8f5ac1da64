"""A long job with a progress dialog that appears only if the job lasts over ~600 ms
(calibre's ThreadedJob, Anki's progress manager): quick jobs never flash a dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from broker_app.ui.tasks import Done, Failed, Job, JobFn, TaskRunner

SHOW_AFTER_MS = 600
_STEPS = 1000


def run_with_progress(
    runner: TaskRunner,
    parent: QWidget,
    title: str,
    fn: JobFn,
    on_done: Done | None = None,
    on_error: Failed | None = None,
    *,
    delay_ms: int = SHOW_AFTER_MS,
) -> Job:
    """Run ``fn(progress, cancel)`` in the database lane; its 取消 button cancels it."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButtonText(QCoreApplication.translate("progress", "取消"))
    dialog.setRange(0, _STEPS)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    # QProgressDialog shows itself after its own timer; we decide when instead.
    dialog.setMinimumDuration(2**31 - 1)
    dialog.reset()
    dialog.hide()

    def progress(fraction: float, message: str) -> None:
        dialog.setValue(round(max(0.0, min(1.0, fraction)) * _STEPS))
        if message:
            dialog.setLabelText(message)

    job = runner.run_job(fn, on_done, on_error, on_progress=progress, owner=parent)
    if not job.running:  # finished inline
        dialog.deleteLater()
        return job
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: dialog.show() if job.running else None)
    timer.start(delay_ms)
    dialog.canceled.connect(job.cancel)

    def close() -> None:
        timer.stop()
        dialog.canceled.disconnect(job.cancel)
        dialog.close()
        dialog.deleteLater()

    job.finished.connect(close)
    return job
