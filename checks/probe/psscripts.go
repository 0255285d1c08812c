package probe

// The PowerShell scripts of the Windows probes. They live in a file built
// on every OS so that tests here can check them: read-only cmdlets only,
// and no double quote, which Windows' command-line quoting would mangle
// on its way to powershell.exe -Command.

// psPrelude starts every script: stop on errors unless a script catches
// them, no progress bars, and Out-Json, which escapes every non-ASCII
// character so the output survives whatever code page the console uses
// (French Windows defaults to 850).
const psPrelude = `$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
function Out-Json($o) {
  $j = ConvertTo-Json -InputObject $o -Depth 4 -Compress
  [regex]::Replace($j, '[^\x00-\x7F]', { param($m) '\u{0:x4}' -f [int][char]$m.Value })
}
`

// psFirewall reads the effective firewall profiles (ActiveStore: group
// policy included) and the firewalls registered with the Security Center.
// Enums are turned into strings: ConvertTo-Json in PowerShell 5.1 would
// print them as numbers.
const psFirewall = `
$p = @(Get-NetFirewallProfile -PolicyStore ActiveStore | ForEach-Object {
  [pscustomobject]@{ Name = [string]$_.Name; Enabled = [string]$_.Enabled; DefaultInboundAction = [string]$_.DefaultInboundAction } })
$f = @()
try { $f = @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct | ForEach-Object {
  [pscustomobject]@{ displayName = [string]$_.displayName; productState = [string]$_.productState } }) } catch {}
Out-Json ([pscustomobject]@{ Profiles = $p; Products = $f })
`

// psUpdates reads what Windows Update recorded, without searching for
// updates (an online search takes minutes): a pending restart, a pause,
// and the last successful installation (UTC per the Windows Update API).
const psUpdates = `
$inv = [Globalization.CultureInfo]::InvariantCulture
$r = [ordered]@{ RebootRequired = $false; PausedUntil = ''; LastInstall = ''; LastHotfix = '' }
$r.RebootRequired = Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'
try { $u = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings'
  if ($u.PauseUpdatesExpiryTime) { $r.PausedUntil = [string]$u.PauseUpdatesExpiryTime } } catch {}
try { $d = (New-Object -ComObject Microsoft.Update.AutoUpdate).Results.LastInstallationSuccessDate
  if ($d) { $r.LastInstall = $d.ToString('yyyy-MM-ddTHH:mm:ss', $inv) + 'Z' } } catch {}
try { $h = Get-HotFix | Where-Object { $_.InstalledOn } | Sort-Object InstalledOn -Descending | Select-Object -First 1
  if ($h) { $r.LastHotfix = $h.InstalledOn.ToString('yyyy-MM-dd', $inv) } } catch {}
Out-Json ([pscustomobject]$r)
`

// psBitLocker reads every fixed drive: Get-BitLockerVolume when Hygie
// runs as administrator, otherwise the Explorer property that any user
// may read (Get-BitLockerVolume and manage-bde refuse normal users).
const psBitLocker = `
$inv = [Globalization.CultureInfo]::InvariantCulture
$out = @()
try {
  $out = @(Get-BitLockerVolume | Where-Object { [string]$_.VolumeType -ne 'Removable' } | ForEach-Object {
    [pscustomobject]@{ Drive = $_.MountPoint; Source = 'Get-BitLockerVolume'; Protection = [string]$_.ProtectionStatus;
      Volume = [string]$_.VolumeStatus; Percent = ([double]$_.EncryptionPercentage).ToString($inv) } })
} catch {
  $shell = New-Object -ComObject Shell.Application
  $out = @(Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | ForEach-Object {
    $v = $shell.NameSpace($_.DeviceID + '\').Self.ExtendedProperty('System.Volume.BitLockerProtection')
    [pscustomobject]@{ Drive = $_.DeviceID; Source = 'Shell'; Protection = [string]$v; Volume = ''; Percent = '' } })
}
Out-Json $out
`

// psScreenLock reads the user's screen saver, the group-policy values
// that override it, and the machine inactivity limit.
const psScreenLock = `
function Desk($path) {
  $k = Get-ItemProperty -Path $path -ErrorAction SilentlyContinue
  if (-not $k) { return [pscustomobject]@{} }
  [pscustomobject]@{ Active = [string]$k.ScreenSaveActive; Secure = [string]$k.ScreenSaverIsSecure;
    Timeout = [string]$k.ScreenSaveTimeOut; Exe = [string]$k.'SCRNSAVE.EXE' }
}
$m = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' -ErrorAction SilentlyContinue
Out-Json ([pscustomobject]@{
  User = (Desk 'HKCU:\Control Panel\Desktop')
  Policy = (Desk 'HKCU:\Software\Policies\Microsoft\Windows\Control Panel\Desktop')
  InactivityTimeoutSecs = [string]$m.InactivityTimeoutSecs })
`

// psAntivirus reads Microsoft Defender's status and the antivirus
// products registered with the Security Center (absent on Windows Server).
const psAntivirus = `
$r = [ordered]@{ Defender = $null; DefenderError = ''; Products = @() }
try { $m = Get-MpComputerStatus
  $r.Defender = [pscustomobject]@{ AMServiceEnabled = [string]$m.AMServiceEnabled; AntivirusEnabled = [string]$m.AntivirusEnabled;
    RealTimeProtectionEnabled = [string]$m.RealTimeProtectionEnabled; AntivirusSignatureAge = [string]$m.AntivirusSignatureAge;
    AMRunningMode = [string]$m.AMRunningMode } } catch { $r.DefenderError = $_.Exception.Message }
try { $r.Products = @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | ForEach-Object {
  [pscustomobject]@{ displayName = [string]$_.displayName; productState = [string]$_.productState } }) } catch {}
Out-Json ([pscustomobject]$r)
`

// psAdmins reads the Administrators group by its SID, S-1-5-32-544, so it
// works whatever its localised name ("Administrateurs" in French). When
// Get-LocalGroupMember fails (it does on some Azure AD-joined machines),
// ADSI lists the names. whoami /groups shows the group even when UAC has
// filtered it out of the current token.
const psAdmins = `
$me = [Security.Principal.WindowsIdentity]::GetCurrent()
$r = [ordered]@{ User = $me.Name; UserSID = $me.User.Value; Members = @(); MembersError = ''; TokenAdmin = $false }
try { $r.Members = @(Get-LocalGroupMember -SID 'S-1-5-32-544' | ForEach-Object {
    [pscustomobject]@{ Name = [string]$_.Name; SID = [string]$_.SID } })
} catch {
  $r.MembersError = $_.Exception.Message
  try {
    $name = (New-Object Security.Principal.SecurityIdentifier 'S-1-5-32-544').Translate([Security.Principal.NTAccount]).Value.Split('\')[-1]
    $g = [ADSI]('WinNT://./' + $name + ',group')
    $r.Members = @(@($g.Invoke('Members')) | ForEach-Object {
      [pscustomobject]@{ Name = [string]$_.GetType().InvokeMember('Name', 'GetProperty', $null, $_, $null); SID = '' } })
  } catch {}
}
try { $r.TokenAdmin = ((whoami /groups) -join ' ') -match 'S-1-5-32-544' } catch {}
Out-Json ([pscustomobject]$r)
`
