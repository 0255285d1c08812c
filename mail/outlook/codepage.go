package outlook

import (
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// codePages maps the Windows code pages Outlook writes (PR_MESSAGE_CODEPAGE,
// PR_INTERNET_CPID, RTF \ansicpg) to decoders.
var codePages = map[int]encoding.Encoding{
	437: charmap.CodePage437, 850: charmap.CodePage850, 852: charmap.CodePage852,
	866: charmap.CodePage866, 874: charmap.Windows874,
	932: japanese.ShiftJIS, 936: simplifiedchinese.GBK, 949: korean.EUCKR,
	950: traditionalchinese.Big5, 1200: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252,
	1253: charmap.Windows1253, 1254: charmap.Windows1254, 1255: charmap.Windows1255,
	1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
	10000: charmap.Macintosh, 20866: charmap.KOI8R, 21866: charmap.KOI8U,
	28591: charmap.ISO8859_1, 28592: charmap.ISO8859_2, 28595: charmap.ISO8859_5,
	28597: charmap.ISO8859_7, 28605: charmap.ISO8859_15,
	50220: japanese.ISO2022JP, 50221: japanese.ISO2022JP, 50222: japanese.ISO2022JP,
	51932: japanese.EUCJP, 51949: korean.EUCKR, 52936: simplifiedchinese.HZGB2312,
	54936: simplifiedchinese.GB18030,
}

// decodeCodePage turns 8-bit text of code page cp into UTF-8. An unknown
// or absent code page is read as Windows-1252, Outlook's Western default;
// text that is already valid UTF-8 (code page 65001, or plain ASCII) is
// kept as it is.
func decodeCodePage(b []byte, cp int) string {
	if cp == 65001 || cp == 20127 {
		return string(b)
	}
	enc, ok := codePages[cp]
	if !ok {
		if utf8.Valid(b) {
			return string(b)
		}
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return string(b)
	}
	return string(out)
}
