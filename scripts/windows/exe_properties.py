"""Print what Windows shows of each exe: product name, file version, number of icons.

    python exe_properties.py EXE...     (a Windows Python with pefile, which PyInstaller
                                         brings; run by check.sh under Wine)

One line per exe, in UTF-8: ``NAME ProductName=... FileVersion=... icons=N``.
"""

from __future__ import annotations

import ntpath
import sys

import pefile

RT_GROUP_ICON = pefile.RESOURCE_TYPE["RT_GROUP_ICON"]


def properties(path: str) -> str:
    pe = pefile.PE(path)
    strings: dict[str, str] = {}
    for info in getattr(pe, "FileInfo", []):
        for entry in info:
            for table in getattr(entry, "StringTable", []):
                strings.update(
                    {k.decode("utf-8"): v.decode("utf-8") for k, v in table.entries.items()}
                )
    icons = 0
    resources = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)
    for resource in resources.entries if resources else []:
        if resource.id == RT_GROUP_ICON:
            icons = len(resource.directory.entries)
    return (
        f"{ntpath.basename(path)} ProductName={strings.get('ProductName', '')} "
        f"FileVersion={strings.get('FileVersion', '')} icons={icons}"
    )


if __name__ == "__main__":
    lines = [properties(path) for path in sys.argv[1:]]
    sys.stdout.buffer.write(("\n".join(lines) + "\n").encode("utf-8"))
