"""导入花名册: pick a workbook and sheet, check the column mapping against a preview,
import in the background, then see what happened and save the rejected rows."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from broker_app.services.roster.importing import RosterImportService
from broker_app.ui.context import AppContext
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.import_wizard.file_page import FilePage
from broker_app.ui.import_wizard.mapping_page import MappingPage
from broker_app.ui.import_wizard.run_page import RunPage
from broker_app.ui.import_wizard.state import ImportState

_DEFAULT_SIZE = (1000, 660)


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = ImportState(RosterImportService(ctx.store))
        self.setWindowTitle(self.tr("从表格导入劳动力"))
        # The same look on every Windows version, and no large banner eating height.
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.file_page = FilePage(self.state, self)
        self.mapping_page = MappingPage(self.state, self)
        self.run_page = RunPage(ctx, self.state, self)
        for page in (self.file_page, self.mapping_page, self.run_page):
            self.addPage(page)
        fit_to_screen(self, *_DEFAULT_SIZE)

    def reject(self) -> None:
        # Closing mid-import cancels it; the service rolls its transaction back.
        if self.run_page.running and self.run_page.job is not None:
            self.run_page.cancel()
            self.run_page.job.finished.connect(super().reject)
            return
        super().reject()
