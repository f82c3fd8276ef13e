; Inno Setup script for vlogkit on Windows: a per-user install (no administrator rights), a Start-menu entry,
; an optional desktop icon, and an uninstaller. The user's library, settings and exports are never removed.
;
; Build on Windows, from the repository root:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[package]
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\vlogkit.spec
;   .venv\Scripts\python packaging\make_icon.py --ico build\vlogkit.ico
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\vlogkit.iss
; Output: dist\vlogkit-<version>-windows-setup.exe. Silent install for IT: vlogkit-...-setup.exe /VERYSILENT /NORESTART
; (add /CURRENTUSER to be explicit; /ALLUSERS with admin rights installs for every user instead).
; Needs Inno Setup 6.3 or later (x64compatible).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "vlogkit"
#define AppExe "vlogkit.exe"

[Setup]
AppId={{86994850-E4BF-41C6-90A6-1CC7FABD00C7}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=vlogkit
VersionInfoVersion={#AppVersion}
; Per user: installs into %LOCALAPPDATA%\Programs\vlogkit and the user's Start menu, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=vlogkit-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\vlogkit.ico
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: vlogkit.exe (the app), vlogkit-cli.exe (the same with a console) and _internal\.
Source: "..\..\dist\vlogkit\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Vlogs to transcripts, quotes and captioned clips"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there. The library, settings and models live in %LOCALAPPDATA%\vlogkit and stay.
Type: filesandordirs; Name: "{app}\_internal"
