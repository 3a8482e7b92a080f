; Inno Setup script: a per-user Windows install of the one-folder build (dist\pmdesk).
; Build on Windows after `python packaging\build.py`:  iscc packaging\pmdesk.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6B1F8F0E-6E2B-4C57-9B7C-3C1D5A1F2E44}
AppName=pmdesk
AppVersion={#AppVersion}
AppPublisher=pmdesk developers
DefaultDirName={localappdata}\Programs\pmdesk
DefaultGroupName=pmdesk
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=pmdesk-{#AppVersion}-setup
SetupIconFile=icons\pmdesk.ico
UninstallDisplayIcon={app}\pmdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
LicenseFile=..\LICENSE

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\pmdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\pmdesk"; Filename: "{app}\pmdesk.exe"
Name: "{userdesktop}\pmdesk"; Filename: "{app}\pmdesk.exe"; Tasks: desktopicon

[Registry]
; "Open with pmdesk" for .db files, without taking over the default for all .db files.
Root: HKCU; Subkey: "Software\Classes\Applications\pmdesk.exe\shell\open\command"; ValueType: string; ValueData: """{app}\pmdesk.exe"" ""%1"""; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\.db\OpenWithList\pmdesk.exe"; Flags: uninsdeletekey

[Run]
Filename: "{app}\pmdesk.exe"; Description: "{cm:LaunchProgram,pmdesk}"; Flags: nowait postinstall skipifsilent
