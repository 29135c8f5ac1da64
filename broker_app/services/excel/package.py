"""Finds the worksheets inside an .xlsx zip by reading its small index parts.

Safety checks and the row-count guard both need "which zip member holds sheet X"
without loading the workbook. The answer lives in three tiny XML parts: the package
relationships, the workbook part and the workbook's relationships. Element names
are matched by local name so both transitional and strict OOXML files work.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

# Index parts are a few KB; anything far larger is not a workbook we should parse.
MAX_INDEX_PART_BYTES = 32 * 1024 * 1024

_DEFAULT_WORKBOOK_PART = "xl/workbook.xml"


class PackageError(ValueError):
    """The zip does not have the structure of a spreadsheet workbook."""


@dataclass(frozen=True, slots=True)
class SheetEntry:
    name: str
    part: str | None  # zip member holding the sheet XML; None when it is missing
    is_worksheet: bool  # False for chart sheets and dialog sheets
    visible: bool


def workbook_part(zf: zipfile.ZipFile) -> str | None:
    """The zip member of the main workbook part, or None if there is none."""
    rels = _read_xml(zf, "_rels/.rels")
    if rels is not None:
        for rel in rels:
            if _local(rel.tag) == "Relationship" and rel.get("Type", "").endswith(
                "/officeDocument"
            ):
                target = _resolve("", rel.get("Target", ""))
                found = _member(zf, target)
                if found is not None:
                    return found
    return _member(zf, _DEFAULT_WORKBOOK_PART)


def sheet_entries(zf: zipfile.ZipFile) -> list[SheetEntry]:
    """Every sheet listed by the workbook part, in workbook order."""
    part = workbook_part(zf)
    if part is None:
        raise PackageError("no workbook part")
    root = _read_xml(zf, part)
    if root is None:
        raise PackageError(f"workbook part {part} unreadable")
    base = posixpath.dirname(part)
    rels_root = _read_xml(zf, posixpath.join(base, "_rels", posixpath.basename(part) + ".rels"))
    targets: dict[str, tuple[str, str]] = {}
    if rels_root is not None:
        for rel in rels_root:
            if _local(rel.tag) == "Relationship":
                targets[rel.get("Id", "")] = (
                    rel.get("Type", ""),
                    _resolve(base, rel.get("Target", "")),
                )
    entries: list[SheetEntry] = []
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        rel_type, target = targets.get(_relationship_id(element), ("", ""))
        entries.append(
            SheetEntry(
                name=element.get("name", ""),
                part=_member(zf, target) if target else None,
                is_worksheet=rel_type.endswith("/worksheet"),
                visible=element.get("state", "visible") == "visible",
            )
        )
    return entries


def _relationship_id(element: ET.Element) -> str:
    # The r:id attribute's namespace differs between transitional and strict files.
    for key, value in element.attrib.items():
        if key.startswith("{") and _local(key) == "id":
            return value
    return ""


def _read_xml(zf: zipfile.ZipFile, name: str) -> ET.Element | None:
    member = _member(zf, name)
    if member is None:
        return None
    if zf.getinfo(member).file_size > MAX_INDEX_PART_BYTES:
        raise PackageError(f"index part {member} is implausibly large")
    try:
        # The standard parser never fetches external entities, and its expat
        # guards against entity-expansion bombs.
        return ET.fromstring(zf.read(member))
    except ET.ParseError as exc:
        raise PackageError(f"index part {member} is not valid XML: {exc}") from exc


def _member(zf: zipfile.ZipFile, name: str) -> str | None:
    # Some generators differ in letter case from the names they reference.
    try:
        zf.getinfo(name)
        return name
    except KeyError:
        pass
    lowered = name.lower()
    for candidate in zf.namelist():
        if candidate.lower() == lowered:
            return candidate
    return None


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(base, target))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
