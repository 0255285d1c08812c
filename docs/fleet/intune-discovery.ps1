# Intune custom compliance discovery script for Hygie (Windows).
# Intune runs it as SYSTEM, so it looks for status.json in every user's
# %AppData%\hygie folder and keeps the most recently written one. It only
# reads the file; it returns one line of JSON whose keys are the
# SettingName values of intune-compliance.json.
$ErrorActionPreference = 'Stop'
$file = Get-ChildItem -Path 'C:\Users\*\AppData\Roaming\hygie\status.json' -ErrorAction SilentlyContinue |
    Sort-Object LastWriteTime -Descending | Select-Object -First 1
$result = @{ HygieSchemaVersion = 0; HygieScore = 0; HygieProbesFailed = 99; HygieBackupOK = $false }
if ($file) {
    $status = Get-Content -Raw -Encoding UTF8 -Path $file.FullName | ConvertFrom-Json
    $result.HygieSchemaVersion = [int64]$status.schema_version
    $result.HygieScore = [int64]$status.score.total
    $result.HygieProbesFailed = [int64]@($status.probes | Where-Object { $_.status -eq 'fail' }).Count
    $result.HygieBackupOK = [bool]($null -ne $status.backup -and $status.backup.status -eq 'pass')
}
return $result | ConvertTo-Json -Compress
