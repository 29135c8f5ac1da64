"""The card commands through ``broker_app.cli.main.main``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from broker_app.cli.main import main
from broker_app.printing.raster import page_image
from broker_app.printing.sheets import CARD_SHEET
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember

from .conftest import ISSUE_DAY, Site
from .pages import decode_all, page_count

TODAY = date.today().isoformat()


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def add_batch(site: Site, project_text: str, workers: list[str]) -> str:
    with site.store.write() as session:
        writer = site.store.writer(session)
        batch = writer.create(
            DispatchBatch,
            {
                "name": "三月建筑工输出",
                "employer": "山东邹城建工集团有限公司",
                "project": project_text,
                "place_tier": "in_county",
                "status": "planned",
                "org_code": "370883107200",
            },
        )
        for worker_id in workers:
            writer.create(
                DispatchMember,
                {"batch_id": batch.id, "worker_id": worker_id, "org_code": "370883107200"},
            )
        return batch.id


def test_cards_pdf_for_a_project_issues_nothing_new(
    issued: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "项目.pdf"
    assert run(data_dir, "cards-pdf", "--project", issued.project_id, str(out)) == 0
    assert page_count(out.read_bytes()) == 2
    assert "12 张，2 页" in capsys.readouterr().out


def test_cards_pdf_for_workers_issues_missing_cards(
    site: Site, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cards.pdf"
    args = ["cards-pdf", "--project", site.project_id, "--workers", *site.worker_ids[:3]]
    assert run(data_dir, *args, str(out)) == 0
    assert len(site.cards.cards(project_id=site.project_id)) == 3
    assert page_count(out.read_bytes()) == 1


def test_cards_pdf_for_a_batch_finds_its_project_by_name(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = add_batch(site, "邹城市中心店镇棚户区改造安置房项目", site.worker_ids[:11])
    out = tmp_path / "batch.pdf"
    assert run(data_dir, "cards-pdf", "--batch", batch, "--layout", "sticker", str(out)) == 0
    assert "11 张，1 页" in capsys.readouterr().out
    assert len(site.cards.cards(project_id=site.project_id)) == 11


def test_cards_pdf_for_a_batch_without_project_prints_existing_cards(
    issued: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = add_batch(issued, "外地项目", [issued.worker_ids[0]])
    out = tmp_path / "batch.pdf"
    assert run(data_dir, "cards-pdf", "--batch", other, str(out)) == 0
    assert "1 张，1 页" in capsys.readouterr().out


def test_cards_pdf_for_a_batch_says_who_has_no_card_and_fails(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """9 members, 2 with a card, a batch project that is no registered project: the 2
    print, and the command names the other 7, says how to issue theirs, exits 3."""
    site.cards.issue(site.project_id, site.worker_ids[:2], today=ISSUE_DAY)
    batch = add_batch(site, "外地项目", site.worker_ids[:9])
    out = tmp_path / "batch.pdf"
    assert run(data_dir, "cards-pdf", "--batch", batch, str(out)) == 3
    captured = capsys.readouterr()
    assert "2 张，1 页" in captured.out
    assert page_count(out.read_bytes()) == 1
    err = captured.err
    assert "未打印/未发卡 7 人" in err
    for worker_id in site.worker_ids[2:9]:
        assert f"（{worker_id}）　没有有效的维权卡" in err
    assert "孟祥瑞" in err  # by name, not only by record id
    assert f"issue-cards --project 工程项目ID --batch {batch}" in err
    assert "该劳务输出批次的项目不是已登记的工程项目" in err
    # With the project given, the missing cards are issued and everything prints.
    args = ["cards-pdf", "--batch", batch, "--project", site.project_id, str(out)]
    assert run(data_dir, *args) == 0
    assert "9 张，1 页" in capsys.readouterr().out


def test_cards_pdf_with_nothing_to_print_fails(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.pdf"
    assert run(data_dir, "cards-pdf", "--no-issue", "--project", site.project_id, str(out)) == 2
    assert "没有可打印的维权卡" in capsys.readouterr().err
    assert not out.exists()
    assert run(data_dir, "cards-pdf", str(out)) == 2  # no selection


def test_issue_cards_and_reissue(site: Site, data_dir: Path) -> None:
    worker = site.worker_ids[0]
    assert run(data_dir, "issue-cards", "--project", site.project_id, "--workers", worker) == 0
    args = ["issue-cards", "--project", site.project_id, "--workers", worker, "--reissue"]
    assert run(data_dir, *args) == 0
    rows = site.cards.cards(worker_ids=[worker], include_revoked=True)
    assert [r.revoked for r in rows] == [False, True]


def test_verify_card_reads_an_image(
    issued: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = CardPrintService(issued.store).prepare(
        CardSelection(project_id=issued.project_id), today=ISSUE_DAY
    )
    picture = tmp_path / "scan.png"
    assert page_image(CARD_SHEET, plan.faces[:1], dpi=200).save(str(picture))
    assert run(data_dir, "verify-card", str(picture), "--date", "2026-04-01") == 0
    out = capsys.readouterr().out
    assert "结果：有效" in out and "卡号：000001" in out
    assert len(decode_all(page_image(CARD_SHEET, plan.faces, dpi=200))) == 10
    blank = tmp_path / "blank.png"
    assert page_image(CARD_SHEET, [], dpi=50).save(str(blank))
    assert run(data_dir, "verify-card", str(blank)) == 3


def test_list_projects_and_cards(
    issued: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "list", "projects") == 0
    assert "山东邹城建工集团有限公司" in capsys.readouterr().out
    assert run(data_dir, "list", "cards") == 0
    assert "共 12 条" in capsys.readouterr().out


def test_card_key_shows_the_station_key(
    issued: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "card-key") == 0
    out = capsys.readouterr().out
    assert "签发密钥编号" in out and "本驿站" in out


def test_demo_data_makes_projects_with_cards(
    data_dir: Path, store: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "demo-data", "--workers", "200") == 0
    out = capsys.readouterr().out
    assert "工程项目 4 条" in out and "维权卡" in out
    assert run(data_dir, "list", "cards") == 0
    cards = capsys.readouterr().out.strip().splitlines()
    assert len(cards) > 20
