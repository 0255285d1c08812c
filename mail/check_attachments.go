package mail

import (
	"fmt"
	"path"
	"strings"
)

// Extension families of risky attachments.
var (
	execExts     = set([]string{"exe", "scr", "com", "pif", "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh", "wsc", "hta", "ps1", "psm1", "msi", "msp", "msix", "appx", "jar", "cpl", "reg", "dll", "apk", "app", "sh", "py", "chm", "inf", "sct", "gadget", "application", "xll", "xlam", "ppam", "iqy", "slk", "one", "xbap", "ws", "jnlp"})
	shortcutExts = set([]string{"lnk", "url", "scf", "website", "desktop", "settingcontent-ms", "library-ms", "search-ms"})
	imageExts    = set([]string{"iso", "img", "vhd", "vhdx", "udf", "dmg"})
	htmlExts     = set([]string{"htm", "html", "shtml", "xhtml", "mht", "mhtml", "svg", "xht", "hta"})
	macroExts    = set([]string{"docm", "dotm", "xlsm", "xltm", "xlsb", "pptm", "potm", "ppsm", "sldm"})
	archiveExts  = set([]string{"zip", "rar", "7z", "gz", "tgz", "tar", "ace", "arj", "cab", "z", "bz2", "xz", "r00", "001", "lzh"})
	// docExts are the harmless-looking types that a double extension fakes.
	docExts = set([]string{"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "jpg", "jpeg", "png", "gif", "rtf", "odt", "csv", "mp3", "mp4", "wav", "zip"})
)

// checkAttachments judges attached files by name, real content and, for
// zips, by their central directory.
func checkAttachments(a *analysis) {
	for _, at := range a.m.Attachments {
		checkAttachment(a, at)
	}
}

func checkAttachment(a *analysis, at Attachment) {
	name := strings.ToLower(strings.TrimSpace(at.Name))
	ext := extOf(name)
	switch {
	case execExts[ext]:
		a.add("attachment_executable", at.Name)
	case shortcutExts[ext]:
		a.add("attachment_shortcut", at.Name)
	case imageExts[ext]:
		a.add("attachment_disk_image", at.Name)
	case htmlExts[ext] || ext == "" && at.Sniffed == "html" && at.ContentType == "text/html":
		if a.discussionList() {
			a.add("attachment_html_list", displayName(at))
		} else {
			a.add("attachment_html", displayName(at))
		}
	case macroExts[ext]:
		a.add("attachment_macro", at.Name)
	}
	if doubleExtension(name) {
		a.add("attachment_double_extension", at.Name)
	}
	checkDisguise(a, at, ext)
	if at.Archive != nil {
		checkArchive(a, at)
	}
}

// checkDisguise compares what a file says it is with its first bytes.
func checkDisguise(a *analysis, at Attachment, ext string) {
	real := at.Sniffed
	switch {
	case (real == "exe" || real == "elf") && !execExts[ext]:
		a.add("attachment_disguised", fmt.Sprintf("%s (%s)", displayName(at), real))
	case real == "lnk" && !shortcutExts[ext]:
		a.add("attachment_disguised", fmt.Sprintf("%s (%s)", displayName(at), real))
	case (real == "html" || real == "svg") && docExts[ext]:
		a.add("attachment_disguised", fmt.Sprintf("%s (%s)", displayName(at), real))
	}
}

// checkArchive reads a zip's directory: encryption, risky entries, bombs.
func checkArchive(a *analysis, at Attachment) {
	z := at.Archive
	if z.Encrypted {
		a.add("attachment_encrypted_archive", at.Name)
	}
	for _, e := range z.Entries {
		n := strings.ToLower(path.Base(strings.ReplaceAll(e, "\\", "/")))
		ext := extOf(n)
		if execExts[ext] || shortcutExts[ext] || imageExts[ext] || htmlExts[ext] || doubleExtension(n) {
			a.add("attachment_archive_dangerous", at.Name+": "+e)
		}
	}
	if z.Uncompressed > 1<<30 || z.Compressed > 0 && z.Uncompressed/z.Compressed > 200 && z.Uncompressed > 50<<20 {
		a.add("attachment_archive_bomb", fmt.Sprintf("%s: %d → %d bytes", at.Name, z.Compressed, z.Uncompressed))
	}
}

// extOf returns the lower-case extension of a file name without the dot.
func extOf(name string) string {
	name = strings.TrimRight(name, " .")
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return name[i+1:]
}

// doubleExtension reports names like "facture.pdf.exe" or "scan.pdf .html":
// a document extension followed by a risky one.
func doubleExtension(name string) bool {
	name = strings.TrimRight(name, " .")
	ext := extOf(name)
	if !(execExts[ext] || shortcutExts[ext] || htmlExts[ext] || imageExts[ext] || archiveExts[ext] && strings.Count(name, ".") > 1) {
		return false
	}
	inner := strings.TrimRight(strings.TrimSuffix(name, "."+ext), " ")
	return docExts[extOf(inner)] && !archiveExts[ext]
}

func displayName(at Attachment) string {
	if at.Name != "" {
		return at.Name
	}
	return "(" + at.ContentType + ")"
}
