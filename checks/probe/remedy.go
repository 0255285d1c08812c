package probe

// remedies maps each probe id to the guide that explains the fix; the ids
// are those the guides package provides.
var remedies = map[string]string{
	Firewall:       "pare-feu",
	Updates:        "mises-a-jour-antivirus",
	DiskEncryption: "chiffrement-disque",
	ScreenLock:     "verrouillage-usb",
	Antivirus:      "mises-a-jour-antivirus",
	AdminAccounts:  "comptes-et-droits",
	Backup:         "sauvegardes",
}

// RemedyFor returns the id of the guide that explains how to fix what the
// probe id checks, or "" for an unknown id.
func RemedyFor(id string) string { return remedies[id] }
