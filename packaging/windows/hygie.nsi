; Hygie's Windows installer (NSIS 3.08+, built on Linux by `make package`).
;
; makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DEXE=hygie.exe -DICON=hygie.ico
;          -DOUTFILE=hygie-0.1.0-setup.exe [-DSIGN_SCRIPT=packaging/sign-exe] hygie.nsi
;
; Per-user: no administrator rights, files in %LocalAppData%\Programs\Hygie,
; registered under HKCU so that « Applications et fonctionnalités » lists it.
; The uninstaller keeps the user's data (%AppData%\hygie and Fyne's
; preferences) unless the user ticks « Supprimer aussi mes données », or
; passes /DELETEDATA when silent (uninstall.exe /S /DELETEDATA).

!ifndef VERSION | VERSION4 | EXE | ICON | OUTFILE
  !error "VERSION, VERSION4, EXE, ICON and OUTFILE must be defined (see the Makefile's package target)"
!endif

Unicode true
; The default 32-bit stub fails silently under wine64 and is not needed:
; Fyne's Windows build is 64-bit only.
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!define APP_NAME "Hygie"
!define APP_ID "fr.hygie.app"
!define PUBLISHER "Hygie"
!define WEBSITE "https://github.com/hygie-sante/hygie"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define SETTINGS_KEY "Software\${APP_NAME}"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

; Signing (only when the Makefile was given a certificate): makensis runs
; the command on the uninstaller before packing it and on the installer at
; the end; %1 is the file.
!ifdef SIGN_SCRIPT
  !uninstfinalize '"${SIGN_SCRIPT}" "%1"' = 0
  !finalize '"${SIGN_SCRIPT}" "%1"' = 0
!endif

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Installation de ${APP_NAME} ${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include MUI2.nsh
!include FileFunc.nsh
!include Sections.nsh
!include LogicLib.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
; The uninstaller speaks the language chosen at install time.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\hygie.exe"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default (also when /S skips the choice).
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecAppName ${LANG_FRENCH} "Hygie et son raccourci dans le menu Démarrer"
LangString SecAppName ${LANG_ENGLISH} "Hygie and its Start menu shortcut"
LangString SecDesktopName ${LANG_FRENCH} "Raccourci sur le Bureau"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString UnSecAppName ${LANG_FRENCH} "Hygie (le programme)"
LangString UnSecAppName ${LANG_ENGLISH} "Hygie (the program)"
LangString UnSecDataName ${LANG_FRENCH} "Supprimer aussi mes données (journal, listes, réglages)"
LangString UnSecDataName ${LANG_ENGLISH} "Also delete my data (journal, lists, settings)"
LangString ShortcutComment ${LANG_FRENCH} "Hygiène informatique du cabinet"
LangString ShortcutComment ${LANG_ENGLISH} "Computer hygiene for the practice"

Section "!$(SecAppName)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=hygie.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\hygie.exe" "" "$INSTDIR\hygie.exe" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "URLInfoAbout" "${WEBSITE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\hygie.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\hygie.exe" "" "$INSTDIR\hygie.exe" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "un.$(UnSecAppName)" UnSecApp
  SectionIn RO
  ; A file can be held a moment after its program ended (an antivirus
  ; scanning it, the uninstaller's own launcher still closing): try again
  ; for up to five seconds rather than leave it behind.
  StrCpy $R0 0
  ${Do}
    Delete "$INSTDIR\hygie.exe"
    Delete "$INSTDIR\uninstall.exe"
    ${IfNot} ${FileExists} "$INSTDIR\hygie.exe"
    ${AndIfNot} ${FileExists} "$INSTDIR\uninstall.exe"
      ${Break}
    ${EndIf}
    IntOp $R0 $R0 + 1
    ${If} $R0 >= 20
      ${Break}
    ${EndIf}
    Sleep 250
  ${Loop}
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd

; Unticked by default: the practice's journal and lists are worth keeping.
; The passwords are in the Windows Credential Manager, not in these folders.
Section /o "un.$(UnSecDataName)" UnSecData
  RMDir /r "$APPDATA\hygie"
  RMDir /r "$APPDATA\fyne\${APP_ID}"
  RMDir "$APPDATA\fyne"
SectionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/DELETEDATA" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
