; Inno Setup 6 script: the installer a county IT person hands out (on a USB stick) to the stations.
; Build on a Windows PC after `python packaging\build.py --smoke` (see packaging/README.md):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\sfs-desktop.iss
; → dist\installer\sfs-desktop-<version>-setup.exe
;
; - Per-user install (no administrator rights): %LOCALAPPDATA%\Programs\sfs-desktop.
; - Start-menu entries (the program, its command line, uninstall) and a desktop shortcut (ticked).
; - Upgrade in place: the same AppId, so running a newer setup replaces the program files in the
;   same folder; a running copy is asked to close first. The database is migrated by the program
;   itself on its next start.
; - Uninstall removes only the program files. The data directory (%LOCALAPPDATA%\TaojiangSFJ\
;   sfs-desktop: database, keys.json, backups, logs) is never inside the program folder and is
;   kept; so is a portable install's data\ folder, which the installer did not put there.

#define AppName "司法所业务系统"
#define AppExe "sfs-desktop.exe"
#define Src AddBackslash(SourcePath) + "..\dist\sfs-desktop"
#ifndef AppVersion
  ; the version resource the spec generated from sfs_desktop/__init__.py
  #define AppVersion GetStringFileInfo(Src + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error "dist\sfs-desktop\sfs-desktop.exe not found or has no version: run python packaging\build.py first"
#endif

[Setup]
; Never change AppId: it is what makes a newer setup an upgrade of the installed program.
AppId={{6E0B6A52-4C1D-4F7B-9B43-2D6C1E8A5F20}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=桃江县司法局
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\sfs-desktop
DefaultGroupName={#AppName}
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#SourcePath}\..\dist\installer
OutputBaseFilename=sfs-desktop-{#AppVersion}-setup
SetupIconFile={#SourcePath}\sfs-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; An upgrade replaces the whole bundled runtime: no stale library of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole one-folder build. portable.txt is deliberately not shipped: an installed program keeps
; its data in the user's data directory (build a portable copy with build.py --portable instead).
Source: "{#Src}\*"; DestDir: "{app}"; Excludes: "portable.txt,data\*"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName}（命令行）"; Filename: "{cmd}"; Parameters: "/k ""{app}\sfs-desktop-cli.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\卸载 {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may create inside its folder; never data\ or anything outside {app}.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
