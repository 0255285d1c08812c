package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"hygie/mail"
)

const inspectUsage = `Usage :
  hygie inspect [--json] [--lang fr|en] [--authserv-id ID] CHEMIN…

Analyse des messages sans rien ouvrir ni télécharger et explique les
risques. CHEMIN est un fichier .eml, un fichier Outlook .msg, une boîte
mbox, un dossier (ses fichiers .eml et .msg), ou - pour lire sur l'entrée
standard la source d'un message collée ou envoyée par un autre programme.
Le format est reconnu au contenu, quelle que soit l'extension.

Les personnes et fournisseurs du cabinet (hygie practice) et les
correspondants appris par les analyses de boîte aux lettres sont pris en
compte, comme dans la fenêtre.

Un message transféré en pièce jointe est jugé sur le message d'origine ;
un message transféré dans le texte est jugé sur ce qui en a été cité
(expéditeur affiché, objet, liens, formulation), son origine réelle ne
pouvant plus être contrôlée.

  --json             une ligne JSON par message (file, message_id, subject,
                     from, channel, verdict, score, findings, forwarded,
                     source_format : eml, msg, mbox ou pasted)
  --lang fr|en       langue des explications (défaut fr)
  --authserv-id ID   ne croire que l'en-tête Authentication-Results de ce
                     serveur (défaut : le plus haut)

Exemple : xclip -o | hygie inspect -

Code de sortie : 0 si tout a été analysé, 1 si un fichier n'a pas pu être
lu, 2 en cas d'erreur d'utilisation.
`

// inspectOptions are the parsed flags of `hygie inspect`.
type inspectOptions struct {
	json  bool
	opts  mail.Options
	paths []string
}

// inspectRecord is one line of `hygie inspect --json`.
type inspectRecord struct {
	File string `json:"file"`
	verdictFields
	// Forwarded is true when the message judged was taken out of a
	// forward; ForwardKind says how ("attached" or "inline") and
	// ForwardedBy who forwarded it.
	Forwarded   bool             `json:"forwarded"`
	ForwardKind mail.ForwardKind `json:"forward_kind,omitempty"`
	ForwardedBy string           `json:"forwarded_by,omitempty"`
	// SourceFormat is eml, msg, mbox or pasted.
	SourceFormat mail.Source `json:"source_format"`
}

// verdictFields are the analysis fields shared by the JSON lines of
// `hygie inspect` and `hygie scan`.
type verdictFields struct {
	MessageID string         `json:"message_id"`
	Subject   string         `json:"subject"`
	From      string         `json:"from"`
	Channel   mail.Channel   `json:"channel"`
	Verdict   mail.Verdict   `json:"verdict"`
	Score     int            `json:"score"`
	Findings  []mail.Finding `json:"findings"`
	// Advice is the next step, in the language of the explanations; empty
	// for a safe message.
	Advice string `json:"advice,omitempty"`
}

func newVerdictFields(r mail.Report, lang string) verdictFields {
	return verdictFields{MessageID: r.MessageID, Subject: r.Subject, From: r.From,
		Channel: r.Channel, Verdict: r.Verdict, Score: r.Score, Findings: localized(r.Findings, lang),
		Advice: mail.Advice(r.Verdict, lang)}
}

// inspectError is the line written for an input that could not be read:
// the sentence for the user, and the technical detail.
type inspectError struct {
	File   string `json:"file"`
	Error  string `json:"error"`
	Detail string `json:"detail,omitempty"`
}

// inspectStdin is what `hygie inspect -` reads; tests replace it.
var inspectStdin io.Reader = os.Stdin

// runInspect implements `hygie inspect`.
func runInspect(args []string, stdout, stderr io.Writer) int {
	o, err := parseInspect(args)
	if code, done := parseOutcome("inspect", inspectUsage, err, stdout, stderr); done {
		return code
	}
	// Judge like the window: the practice's people and suppliers, the
	// correspondents learned by the scans, the saved MSSanté list.
	o.opts = knownToPractice(o.opts, stderr)
	in := &inspector{an: mail.NewAnalyzer(o.opts), json: o.json, out: bufio.NewWriter(stdout), stderr: stderr}
	defer in.out.Flush()
	for _, p := range o.paths {
		in.path(p)
	}
	if in.failed {
		return 1
	}
	return 0
}

func parseInspect(args []string) (inspectOptions, error) {
	var o inspectOptions
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // our own French usage is printed instead
	fs.BoolVar(&o.json, "json", false, "")
	fs.StringVar(&o.opts.Lang, "lang", "fr", "")
	fs.StringVar(&o.opts.AuthServID, "authserv-id", "", "")
	// Flags may come after paths too: parse, take one path, go on.
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return o, flagErrorFR(err)
		}
		if fs.NArg() == 0 {
			break
		}
		o.paths = append(o.paths, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	switch {
	case len(o.paths) == 0:
		return o, errors.New("indiquez au moins un fichier .eml ou .msg, un dossier, une boîte mbox ou - pour l'entrée standard")
	case o.opts.Lang != "fr" && o.opts.Lang != "en":
		return o, fmt.Errorf("--lang accepte fr ou en, pas « %s »", o.opts.Lang)
	}
	return o, nil
}

// inspector analyses the inputs one by one and writes a line per message.
type inspector struct {
	an     *mail.Analyzer
	json   bool
	out    *bufio.Writer
	stderr io.Writer
	failed bool
}

// path analyses a file, an mbox, every .eml and .msg of a folder, or
// standard input for "-".
func (in *inspector) path(p string) {
	if p == "-" {
		ins, err := mail.ReadInput("", inspectStdin, -1)
		in.inputs("-", ins, err)
		return
	}
	st, err := os.Stat(p)
	if err != nil {
		in.fail(p, err)
		return
	}
	if !st.IsDir() {
		in.file(p, st.Size())
		return
	}
	for _, f := range messageFiles(p, in) {
		in.path(f)
	}
}

// messageFiles lists the .eml and .msg files under dir, in name order.
func messageFiles(dir string, in *inspector) []string {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			in.fail(p, err)
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if !d.IsDir() && (ext == ".eml" || ext == ".msg") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		in.fail(dir, err)
	}
	sort.Strings(files)
	return files
}

// file analyses one file. An mbox is streamed message by message, so a
// mailbox of any size is read; anything else goes through
// mail.ReadInput, which tells .eml from .msg by content.
func (in *inspector) file(p string, size int64) {
	f, err := os.Open(p)
	if err != nil {
		in.fail(p, err)
		return
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(5)
	if mail.IsMbox(head) {
		in.mbox(p, br)
		return
	}
	ins, err := mail.ReadInput(p, br, size)
	in.inputs(p, ins, err)
}

func (in *inspector) mbox(p string, r io.Reader) {
	box := mail.NewMbox(r)
	for i := 1; ; i++ {
		msg, err := box.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			in.fail(p, err)
			return
		}
		name := fmt.Sprintf("%s#%d", p, i)
		ins, err := mail.ReadInput(name, msg, -1)
		for k := range ins {
			ins[k].Name, ins[k].Source = name, mail.SourceMbox
		}
		in.inputs(name, ins, err)
	}
}

// inputs analyses what ReadInput returned for one path.
func (in *inspector) inputs(name string, ins []mail.Input, err error) {
	if err != nil {
		in.fail(name, err)
		return
	}
	for _, i := range ins {
		if i.Name == "" {
			i.Name = name
		}
		in.message(i)
	}
}

func (in *inspector) message(i mail.Input) {
	rep, err := in.an.Analyze(bytes.NewReader(i.Raw))
	if err != nil {
		in.fail(i.Name, err)
		return
	}
	lang := in.an.Options().Lang
	if in.json {
		rec := inspectRecord{File: i.Name, verdictFields: newVerdictFields(rep, lang),
			Forwarded: i.Forward.Kind != mail.NotForwarded, ForwardKind: i.Forward.Kind, SourceFormat: i.Source}
		if rec.Forwarded {
			rec.ForwardedBy = i.Forward.By.Addr
		}
		in.writeJSON(rec)
		return
	}
	var rb bytes.Buffer // the notes go inside the report, before its blank line
	writeReport(&rb, i.Name, rep, lang)
	in.out.Write(bytes.TrimSuffix(rb.Bytes(), []byte("\n")))
	writeNotes(in.out, i, lang)
	in.out.WriteString("\n")
}

// writeNotes says what the verdict could not cover: a forward, an
// Outlook item without delivery trace.
func writeNotes(w *bufio.Writer, i mail.Input, lang string) {
	var notes []string
	if n := i.Forward.Note(lang); n != "" {
		notes = append(notes, n)
	}
	// An attached original has its own headers, whatever the outer item kept.
	if i.Outlook != nil && !i.Outlook.TransportHeaders && i.Forward.Kind != mail.ForwardAttached {
		notes = append(notes, mail.NoteNoDeliveryTrace.In(lang))
	}
	for _, n := range notes {
		fmt.Fprintf(w, "  ℹ %s\n", n)
	}
}

// fail reports an input that could not be analysed, on its own line, and
// lets the run go on. Inputs that are no message get their sentence.
func (in *inspector) fail(name string, err error) {
	in.failed = true
	text, known := mail.InputErrorText(err)
	if in.json {
		e := inspectError{File: name, Error: err.Error()}
		if known {
			e.Error, e.Detail = text.In(in.an.Options().Lang), err.Error()
		}
		in.writeJSON(e)
		return
	}
	in.out.Flush()
	if known {
		fmt.Fprintf(in.stderr, "hygie inspect : %s : %s\n", name, text.In(in.an.Options().Lang))
		return
	}
	fmt.Fprintf(in.stderr, "hygie inspect : %s : illisible (%v)\n", name, err)
}

func (in *inspector) writeJSON(v any) {
	b, err := json.Marshal(v)
	if err != nil { // cannot happen with these types; keep the run going
		fmt.Fprintf(in.stderr, "hygie inspect : %v\n", err)
		return
	}
	in.out.Write(b)
	in.out.WriteByte('\n')
}

// localized is the findings in lang, never nil, so that JSON shows [].
func localized(fs []mail.Finding, lang string) []mail.Finding {
	out := make([]mail.Finding, len(fs))
	for i, f := range fs {
		out[i] = f.Localized(lang)
	}
	return out
}

// verdictFR names a verdict for the practitioner.
var verdictFR = map[mail.Verdict]string{
	mail.Safe:       "sûr",
	mail.Caution:    "à vérifier",
	mail.Suspicious: "suspect",
	mail.Dangerous:  "dangereux",
}

// channelFR names a channel for the practitioner.
var channelFR = map[mail.Channel]string{
	mail.ChannelMSSante:  "MSSanté",
	mail.ChannelMixed:    "mixte (en partie MSSanté)",
	mail.ChannelOrdinary: "messagerie ordinaire",
}

// writeReport prints one analysis in plain French.
func writeReport(w io.Writer, name string, rep mail.Report, lang string) {
	fmt.Fprintf(w, "%s\n  Verdict : %s (%d/100) — %s\n", name, verdictFR[rep.Verdict], rep.Score, channelFR[rep.Channel])
	fmt.Fprintf(w, "  De : %s\n  Objet : %s\n", rep.From, rep.Subject)
	for _, f := range rep.Findings {
		f = f.Localized(lang)
		fmt.Fprintf(w, "  • %s : %s\n", f.Title, f.Explanation)
		if f.Evidence != "" {
			fmt.Fprintf(w, "    (%s)\n", f.Evidence)
		}
	}
	if a := mail.Advice(rep.Verdict, lang); a != "" {
		fmt.Fprintf(w, "  → %s\n", a)
	}
	fmt.Fprintln(w)
}
