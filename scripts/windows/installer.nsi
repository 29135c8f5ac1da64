; The Windows installer of 劳务驿站: LaborStation-Setup-<version>.exe, built on Linux by
; scripts/windows/build_installer.sh (makensis, Debian package nsis) from the one-folder
; build dist/LaborStation.
;
; - Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\LaborStation,
;   shortcuts to the user's Start menu and desktop, the uninstall entry under HKCU.
; - The station's data and settings are NOT in the program folder: the app keeps them in
;   %LOCALAPPDATA%\Zoucheng\LaborStation (platformdirs). An upgrade replaces the program
;   files only; the uninstaller keeps the data unless asked (a question, default 否, or
;   /REMOVEDATA on a silent uninstall).
; - Refuses a Windows older than 10 1703 (build 15063, the first with the system ICU that
;   Qt loads) with a Chinese message, as the app itself does.
;
; makensis -DVERSION=0.1.0 -DDIST=dist/LaborStation -DICON=resources/icons/labor-station.ico
;          -DOUTFILE=dist/LaborStation-Setup-0.1.0.exe scripts/windows/installer.nsi

Unicode true
; A 64-bit installer for a 64-bit app (on a 32-bit Windows, Windows itself says it cannot
; run it). It also runs under a Wine without 32-bit support, as the check uses.
Target amd64-unicode
!include MUI2.nsh
!include LogicLib.nsh
!include WinVer.nsh
!include FileFunc.nsh

!macro Required NAME
  !ifndef ${NAME}
    !error "define ${NAME} (makensis -D${NAME}=..., see the top of this file)"
  !endif
!macroend
!insertmacro Required VERSION
!insertmacro Required DIST
!insertmacro Required ICON
!insertmacro Required OUTFILE

!define APP_NAME "劳务驿站"
!define PUBLISHER "邹城市人力资源和社会保障局"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\LaborStation"
!define DATA_PARENT "$LOCALAPPDATA\Zoucheng"
!define DATA_DIR "$LOCALAPPDATA\Zoucheng\LaborStation"
!define MIN_BUILD 15063
!define TOO_OLD "劳务驿站需要 Windows 10 1703 或更新的 Windows（版本号 10.0.${MIN_BUILD} 以上），本机的 Windows 太旧，无法安装。请升级 Windows，或换一台电脑安装。"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\LaborStation"
; An upgrade goes where the previous version is.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
; LZMA makes the smallest installer; the check's throw-away "older build" uses zlib,
; several times faster to make (-DCOMPRESSOR=zlib).
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} ${VERSION} 安装程序"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\LaborStation.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开劳务驿站"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "${TOO_OLD}" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd

Section "劳务驿站"
  SetShellVarContext current
  ; An upgrade: the previous version's program files go (a library it had and this one
  ; does not would otherwise be loaded); the data folder is elsewhere and is not touched.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*"
  File "/oname=labor-station.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\LaborStation.exe" "" "$INSTDIR\labor-station.ico" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\卸载${APP_NAME}.lnk" "$INSTDIR\uninstall.exe" "" "$INSTDIR\labor-station.ico" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\LaborStation.exe" "" "$INSTDIR\labor-station.ico" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\labor-station.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  ; Only what the installer put there: never a recursive delete of a folder the broker
  ; may have chosen (C:\ or 文档).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\LaborStation.exe"
  Delete "$INSTDIR\labor-station-cli.exe"
  Delete "$INSTDIR\labor-station.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    Goto remove_data
  ${EndIf}
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "是否同时删除本机的驿站数据（花名册、备份、设置、日志）？$\r$\n$\r$\n选“否”保留数据，以后重新安装可以接着用。数据文件夹：${DATA_DIR}" /SD IDNO IDYES remove_data
  Goto done
  remove_data:
    RMDir /r "${DATA_DIR}"
    RMDir "${DATA_PARENT}"
  done:
SectionEnd
