"""添加人员: tick workers of 录用 / 已上岗 matches (listed first, before anything is
typed) or found in the roster; what is ticked stays chosen while the search changes,
as in 发卡 (the same ``PickList``). People already in an active batch are shown but
cannot be ticked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.dispatch.query import MemberPick
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.privacy import Personal, shown
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.i18n import enum_label
from broker_app.ui.pick_list import PickList, PickRow

_ROSTER_RESULTS = 100


class MemberPickerDialog(QDialog):
    def __init__(self, service: DispatchMemberService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._village = _village_names()
        self.setWindowTitle(self.tr("添加人员"))
        self.picker = PickList(
            self._find,
            self.tr("输入姓名、拼音、身份证号、手机号后几位，或岗位、单位"),
            self.tr("录用、已上岗的人在前，其后是花名册（勾选要加入的人）"),
            self,
        )
        hint = QLabel(self.tr("搜索别的人时，已勾选的人仍保留在右侧。"), self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("加入批次"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setEnabled(False)
        self.picker.chosen_changed.connect(lambda n: self.ok_button.setEnabled(n > 0))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 560)

    def picks(self) -> list[MemberPick]:
        """The chosen people, in the order they were ticked."""
        return [pick for pick in self.picker.chosen_values() if isinstance(pick, MemberPick)]

    def _find(self, text: str) -> list[PickRow]:
        rows: dict[str, PickRow] = {}
        for m in self.service.match_candidates(text):
            if m.worker_id in rows:
                continue  # the newest match of a worker is the one that counts
            shown_id = shown(Personal.ID_NUMBER, m.id_number)
            # Data, not wording: names and places as stored, the status label translated.
            label = (
                f"{m.name}　{shown_id}　{self._village(m.org_code)}　"
                f"{m.employer}·{m.job_title}（{_status(m.match_status)}）"
            )
            pick = MemberPick(m.worker_id, m.match_id)
            rows[m.worker_id] = PickRow(m.worker_id, label, pick, self._busy(m.busy_in))
        for w in self.service.roster_candidates(text, _ROSTER_RESULTS):
            if w.worker_id in rows:
                continue
            shown_id = shown(Personal.ID_NUMBER, w.id_number)
            label = f"{w.name}　{shown_id}　{self._village(w.org_code)}　{'、'.join(w.skills)}"
            rows[w.worker_id] = PickRow(
                w.worker_id, label, MemberPick(w.worker_id), self._busy(w.busy_in)
            )
        return list(rows.values())

    def _busy(self, batch: str) -> str:
        return self.tr("已在批次：{0}").format(batch) if batch else ""


def _status(value: str) -> str:
    status = MatchStatus.from_value(value)
    return enum_label(status) if status else value


def _village_names() -> Callable[[str], str]:
    directory = load_zoucheng()

    def name(code: str) -> str:
        unit = directory.find(code)
        return unit.short_name if unit else code

    return name
