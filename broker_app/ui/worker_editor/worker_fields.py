"""Which worker fields the editor shows, in which group and order."""

from __future__ import annotations

from broker_app.domain.common.enums import (
    Education,
    EmploymentMode,
    EmploymentStatus,
    MonitoringType,
    PlaceTier,
)
from broker_app.ui.i18n import QT_TRANSLATE_NOOP
from broker_app.ui.worker_editor.fields import FieldSpec

_C = "WorkerForm"

BASIC = QT_TRANSLATE_NOOP(_C, "基本信息")
HOUSEHOLD = QT_TRANSLATE_NOOP(_C, "户籍与帮扶身份")
EMPLOYMENT = QT_TRANSLATE_NOOP(_C, "就业情况")
INTENTIONS = QT_TRANSLATE_NOOP(_C, "求职意向")
OTHER = QT_TRANSLATE_NOOP(_C, "其他")

GROUPS: tuple[tuple[str, tuple[FieldSpec, ...]], ...] = (
    (
        BASIC,
        (
            FieldSpec("name"),
            FieldSpec("id_number", "id"),
            FieldSpec("phone", placeholder=QT_TRANSLATE_NOOP("FieldEditor", "手机号或固定电话")),
            FieldSpec("education", "choice", choices=Education),
            FieldSpec("skills", "words"),
            FieldSpec("certificates", "words"),
        ),
    ),
    (
        HOUSEHOLD,
        (
            FieldSpec("org_code", "place"),
            FieldSpec("household_address"),
            FieldSpec(
                "poverty_alleviated", "flag", label=QT_TRANSLATE_NOOP("labels", "脱贫享受政策人口")
            ),
            FieldSpec("monitoring_type", "choice", choices=MonitoringType),
            FieldSpec("low_income", "flag", label=QT_TRANSLATE_NOOP("labels", "农村低收入人口")),
            FieldSpec("disabled", "flag", label=QT_TRANSLATE_NOOP("labels", "残疾人")),
        ),
    ),
    (
        EMPLOYMENT,
        (
            FieldSpec("employment_status", "choice", choices=EmploymentStatus, required=True),
            FieldSpec("employment_mode", "choice", choices=EmploymentMode),
            FieldSpec("place_tier", "choice", choices=PlaceTier),
            FieldSpec("employer"),
            FieldSpec("work_place"),
            FieldSpec("job_start", "date"),
            FieldSpec("job_end", "date"),
            FieldSpec("monthly_income", "number"),
            FieldSpec("labor_brand"),
        ),
    ),
    (
        INTENTIONS,
        (
            FieldSpec("intended_work_types", "words"),
            FieldSpec("intended_place_tier", "choice", choices=PlaceTier),
            FieldSpec("expected_wage", "number"),
            FieldSpec("willing_to_train", "yes_no"),
        ),
    ),
    (
        OTHER,
        (
            FieldSpec("consent", "flag", label=QT_TRANSLATE_NOOP("labels", "本人同意采集就业信息")),
            FieldSpec("consent_date", "date"),
            FieldSpec("notes", "multiline"),
        ),
    ),
)

FIELD_NAMES: tuple[str, ...] = tuple(spec.name for _, specs in GROUPS for spec in specs)
