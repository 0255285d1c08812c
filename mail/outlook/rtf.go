package outlook

import (
	"regexp"
	"strconv"
	"strings"
)

// maxRTFText caps the text or HTML drawn from an RTF body.
const maxRTFText = 4 << 20

// maxRTFGroups bounds the group nesting tracked; deeper groups are
// counted, not kept, so a crafted body cannot grow the stack.
const maxRTFGroups = 512

// skippedDestinations are RTF groups that hold no text the reader sees.
var skippedDestinations = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true,
	"object": true, "header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true, "ftnsep": true,
	"listtable": true, "listoverridetable": true, "rsidtbl": true, "generator": true,
	"xmlnstbl": true, "themedata": true, "colorschememapping": true, "latentstyles": true,
	"datastore": true, "filetbl": true, "revtbl": true, "mhtmltag": true, "objdata": true,
}

// rtfGroup is the state that a group scopes.
type rtfGroup struct {
	skip    bool // inside a destination that is not text
	htmlrtf bool // RTF-only content of an HTML-encapsulating body
	fldinst bool // a field instruction: HYPERLINK "…" is kept as a link
	fresh   bool // no control word read yet in this group
	star    bool // \* seen: an ignorable destination
	uc      int  // fallback characters to skip after \uN
}

// rtfReader turns an RTF body into text, or into the HTML it encapsulates
// when it was written with \fromhtml1 ([MS-OXRTFEX]).
type rtfReader struct {
	src     []byte
	i       int
	cp      int
	html    bool
	started bool // text has been written; \fromhtml must come before
	g       rtfGroup
	stack   []rtfGroup
	over    int
	out     strings.Builder
	pending []byte
	fld     strings.Builder
	skipN   int // fallback characters still to skip
}

// rtfToText returns the readable content of an RTF body and whether it is
// HTML (encapsulated) rather than plain text. cp is the code page used
// when the body names none.
func rtfToText(src []byte, cp int) (string, bool) {
	r := &rtfReader{src: src, cp: cp, g: rtfGroup{uc: 1}}
	for r.i < len(r.src) && r.out.Len() < maxRTFText {
		c := r.src[r.i]
		r.i++
		switch c {
		case '{':
			r.push()
		case '}':
			r.pop()
		case '\\':
			r.control()
		case '\r', '\n':
		default:
			r.char(c)
		}
	}
	r.flush()
	return r.out.String(), r.html
}

func (r *rtfReader) push() {
	if len(r.stack) >= maxRTFGroups {
		r.over++
		return
	}
	r.stack = append(r.stack, r.g)
	r.g.fresh, r.g.star = true, false
}

var hyperlink = regexp.MustCompile(`HYPERLINK\s+"([^"]+)"`)

func (r *rtfReader) pop() {
	if r.over > 0 {
		r.over--
		return
	}
	if len(r.stack) == 0 {
		return
	}
	inField := r.g.fldinst
	r.g = r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
	if inField && !r.g.fldinst {
		if m := hyperlink.FindStringSubmatch(r.fld.String()); m != nil && !r.html {
			r.text(" <" + m[1] + "> ")
		}
		r.fld.Reset()
	}
}

// control reads one control word or control symbol after a backslash.
func (r *rtfReader) control() {
	if r.i >= len(r.src) {
		return
	}
	c := r.src[r.i]
	if !isLetter(c) {
		r.i++
		r.symbol(c)
		return
	}
	start := r.i
	for r.i < len(r.src) && isLetter(r.src[r.i]) && r.i-start < 32 {
		r.i++
	}
	word := string(r.src[start:r.i])
	numStart := r.i
	if r.i < len(r.src) && r.src[r.i] == '-' {
		r.i++
	}
	for r.i < len(r.src) && r.src[r.i] >= '0' && r.src[r.i] <= '9' && r.i-numStart < 11 {
		r.i++
	}
	arg, hasArg := 0, r.i > numStart
	if hasArg {
		arg, _ = strconv.Atoi(string(r.src[numStart:r.i]))
	}
	if r.i < len(r.src) && r.src[r.i] == ' ' {
		r.i++
	}
	r.word(word, arg, hasArg)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func (r *rtfReader) symbol(c byte) {
	switch c {
	case '\'':
		if r.i+2 <= len(r.src) {
			if b, err := strconv.ParseUint(string(r.src[r.i:r.i+2]), 16, 8); err == nil {
				r.i += 2
				r.char(byte(b))
			}
		}
	case '*':
		r.g.star = true
	case '~':
		r.text("\u00a0")
	case '_':
		r.text("-")
	case '\\', '{', '}':
		r.char(c)
	case '\r', '\n':
		r.text("\n")
	}
}

// word applies one control word.
func (r *rtfReader) word(w string, arg int, hasArg bool) {
	fresh := r.g.fresh
	r.g.fresh = false
	switch {
	case w == "fromhtml" && !r.started:
		r.html = true
		return
	case w == "ansicpg" && hasArg:
		r.cp = arg
		return
	case w == "htmltag" && fresh:
		r.g.skip, r.g.htmlrtf = !r.html, false
		return
	case w == "fldinst" && fresh:
		r.g.fldinst = true
		return
	case fresh && (skippedDestinations[w] || r.g.star):
		r.g.skip = true
		return
	case w == "htmlrtf":
		r.g.htmlrtf = !hasArg || arg != 0
		return
	case w == "uc" && hasArg:
		r.g.uc = max(arg, 0)
		return
	case w == "u" && hasArg:
		if arg < 0 {
			arg += 65536
		}
		r.text(string(rune(arg)))
		r.skipN = r.g.uc
		return
	}
	if s, ok := rtfWords[w]; ok {
		r.text(s)
	}
}

// rtfWords are the control words that stand for characters.
var rtfWords = map[string]string{
	"par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "cell": "\t",
	"tab": "\t", "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’",
	"ldblquote": "“", "rdblquote": "”", "bullet": "•",
}

// visible reports whether text at this point reaches the output.
func (r *rtfReader) visible() bool {
	return !r.g.skip && !(r.html && r.g.htmlrtf)
}

// char writes one 8-bit character of the body's code page.
func (r *rtfReader) char(c byte) {
	if r.skipN > 0 {
		r.skipN--
		return
	}
	if r.g.fldinst {
		r.fld.WriteByte(c)
		return
	}
	if r.visible() {
		r.started = true
		r.pending = append(r.pending, c)
	}
}

// text writes already decoded text.
func (r *rtfReader) text(s string) {
	if r.skipN > 0 && len(s) == 1 {
		r.skipN--
		return
	}
	if r.g.fldinst {
		r.fld.WriteString(s)
		return
	}
	if !r.visible() {
		return
	}
	if r.html && (s == "\n") {
		s = "\r\n"
	}
	r.started = true
	r.flush()
	r.out.WriteString(s)
}

func (r *rtfReader) flush() {
	if len(r.pending) > 0 {
		r.out.WriteString(decodeCodePage(r.pending, r.cp))
		r.pending = r.pending[:0]
	}
}
