package mail

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestScratchEval(t *testing.T) {
	an := NewAnalyzer(Options{})
	files, _ := filepath.Glob("/work/shared/corpus/*/*.eml")
	type res struct {
		f     string
		score int
		ids   []string
	}
	byClass := map[string][]res{}
	fired := map[string]map[string]int{}
	for _, f := range files {
		fh, _ := os.Open(f)
		rep, err := an.Analyze(fh)
		fh.Close()
		if err != nil {
			t.Log(f, err)
			continue
		}
		b := filepath.Base(f)
		cls := "phish"
		switch {
		case strings.Contains(b, "easy"):
			cls = "easy"
		case strings.Contains(b, "hard"):
			cls = "hard"
		case strings.Contains(b, "spam"):
			cls = "spam"
		}
		var ids []string
		for _, fd := range rep.Findings {
			ids = append(ids, fmt.Sprintf("%s(%d)", fd.ID, fd.Weight))
			if fired[fd.ID] == nil {
				fired[fd.ID] = map[string]int{}
			}
			fired[fd.ID][cls]++
		}
		byClass[cls] = append(byClass[cls], res{b, rep.Score, ids})
	}
	for _, cls := range []string{"phish", "easy", "hard", "spam"} {
		rs := byClass[cls]
		n := 0
		for _, r := range rs {
			if r.score >= SuspiciousScore {
				n++
			}
		}
		fmt.Printf("%s: %d/%d flagged (%.1f%%)\n", cls, n, len(rs), 100*float64(n)/float64(len(rs)))
	}
	var ids []string
	for id := range fired {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Printf("  %-32s %v\n", id, fired[id])
	}
	show := os.Getenv("SHOW")
	for _, r := range byClass[show] {
		flagged := r.score >= SuspiciousScore
		if (show == "phish") != flagged {
			fmt.Println(r.f, r.score, r.ids)
		}
	}
}

func TestScratchDump(t *testing.T) {
	for _, f := range strings.Fields(os.Getenv("DUMP")) {
		fh, _ := os.Open(f)
		m, err := Parse(fh)
		fh.Close()
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("FROM %+v RT %+v SUBJ %q\nPROB %v\nATT %+v\n", m.From, m.ReplyTo, m.Subject, m.Problems, m.Attachments)
		fmt.Printf("TEXT %q\nHTML %q\n", trunc(m.Text, 1500), trunc(m.HTMLText, 1500))
		for i, l := range m.Links {
			if i < 15 {
				fmt.Printf("LINK %q %q\n", trunc(l.URL, 100), l.Text)
			}
		}
		rep := NewAnalyzer(Options{}).Report(m)
		for _, fd := range rep.Findings {
			fmt.Printf("  %s(%d) %s\n", fd.ID, fd.Weight, trunc(fd.Evidence, 200))
		}
	}
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func TestScratchFeatures(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/*/*.eml")
	stats := map[string]map[string]int{}
	tot := map[string]int{}
	for _, f := range files {
		fh, _ := os.Open(f)
		m, err := Parse(fh)
		fh.Close()
		if err != nil {
			continue
		}
		b := filepath.Base(f)
		cls := "phish"
		switch {
		case strings.Contains(b, "easy"):
			cls = "easy"
		case strings.Contains(b, "hard"):
			cls = "hard"
		case strings.Contains(b, "spam"):
			cls = "spam"
		}
		tot[cls]++
		for _, ft := range features(m) {
			if stats[ft] == nil {
				stats[ft] = map[string]int{}
			}
			stats[ft][cls]++
		}
	}
	var ks []string
	for k := range stats {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%-28s", k)
		for _, c := range []string{"phish", "easy", "hard", "spam"} {
			fmt.Printf(" %s=%5.1f%%", c, 100*float64(stats[k][c])/float64(tot[c]))
		}
		fmt.Println()
	}
}

var extraFeatures func(*Message) []string

func features(m *Message) []string {
	out := extraFeatures(m)
	from := m.FromAddr()
	reg := registeredDomain(from.Domain())
	html := strings.TrimSpace(m.HTMLText)
	txt := strings.TrimSpace(m.Text)
	if m.HasHTML {
		out = append(out, "has_html")
		if len(html) < 300 {
			out = append(out, "html_short<300")
		}
		if len(html) < 1000 {
			out = append(out, "html_short<1000")
		}
	}
	if m.HasHTML && len(txt) == 0 {
		out = append(out, "html_only")
	}
	if m.HiddenElements > 0 {
		out = append(out, "hidden>0")
	}
	if m.HiddenText > 200 {
		out = append(out, "hiddentext>200")
	}
	if m.HiddenText > 1000 {
		out = append(out, "hiddentext>1000")
	}
	for _, l := range m.Links {
		if l.Hidden {
			out = append(out, "hidden_link")
			break
		}
	}
	if m.HiddenElements > 3 {
		out = append(out, "hidden>3")
	}
	if len(m.Links) > 0 {
		out = append(out, "has_links")
		same := false
		for _, l := range m.Links {
			if registeredDomain(l.Host) == reg {
				same = true
			}
		}
		if !same {
			out = append(out, "no_link_to_sender")
		}
	}
	anch := 0
	for _, l := range m.Links {
		if l.Text != "" {
			anch++
		}
	}
	if anch > 0 && anch <= 3 {
		out = append(out, "few_anchors")
	}
	if isFreemail(from.Domain()) {
		out = append(out, "freemail")
	}
	if m.Header("List-Unsubscribe") != nil {
		out = append(out, "list_unsub")
	}
	if m.Header("List-Id") != nil {
		out = append(out, "list_id")
	}
	if strings.ToUpper(m.Subject) == m.Subject && len(m.Subject) > 10 {
		out = append(out, "subj_caps")
	}
	for _, r := range m.Subject {
		if r > 0x2000 && r != 0x2019 && r != 0x2013 && r != 0x2014 && r != 0x201c && r != 0x201d {
			out = append(out, "subj_symbol")
			break
		}
	}
	if strings.ContainsAny(m.Subject, "$€£") {
		out = append(out, "subj_money")
	}
	if strings.Contains(m.Subject, "!") {
		out = append(out, "subj_bang")
	}
	if m.Images > 0 && len(html) < 200 {
		out = append(out, "img_little_text")
	}
	if from.Name != "" && strings.ContainsAny(from.Name, "0123456789") {
		out = append(out, "name_digits")
	}
	if len(m.Text)+len(m.HTMLText) < 2000 && len(m.Links) > 0 {
		out = append(out, "short_with_links")
	}
	return out
}

func TestScratchBrief(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("LIST"))
	for _, f := range strings.Fields(string(data)) {
		fh, _ := os.Open(filepath.Join("/work/shared/corpus", os.Getenv("DIR"), f))
		m, err := Parse(fh)
		fh.Close()
		if err != nil {
			continue
		}
		rep := NewAnalyzer(Options{}).Report(m)
		var ids []string
		for _, fd := range rep.Findings {
			ids = append(ids, fd.ID)
		}
		body := strings.Join(strings.Fields(m.Text+" "+m.HTMLText), " ")
		fmt.Printf("== %s %d %v\n  FROM %s | %s\n  %s\n", f, rep.Score, ids, m.FromAddr(), m.Subject, trunc(body, 400))
	}
}

var ctaWords = []string{"click here", "clique aqui", "cliquez ici", "haga clic", "klicken sie", "verify", "verifier", "verifique", "confirm", "confirmer", "confirme", "claim", "reclamer", "resgatar", "resgate", "pay now", "payer", "pagar", "log in", "login", "sign in", "se connecter", "connexion", "acessar", "acceder", "update", "mettre a jour", "atualizar", "actualizar", "unlock", "debloquer", "view document", "voir le document", "download", "telecharger", "get started", "start now", "access", "open", "ouvrir", "check", "view", "voir", "get", "submit", "continue", "shop now", "learn more", "order now", "buy now", "try now", "watch", "see", "read more"}

var genericGreet = []string{"dear customer", "dear client", "dear user", "dear member", "dear valued", "dear account", "dear sir", "dear friend", "dear beneficiary", "cher client", "chere cliente", "cher utilisateur", "cher membre", "cher(e) client", "prezado cliente", "prezado(a)", "caro cliente", "estimado cliente", "querido cliente", "sehr geehrter kunde", "lieber kunde", "gentile cliente", "hello user", "hi user", "dear email user", "dear e-mail user"}

func gibberish(label string) bool {
	if len(label) < 6 {
		return false
	}
	vow, run, maxRun, digits, trans := 0, 0, 0, 0, 0
	prevDigit := false
	for i, r := range label {
		isD := r >= '0' && r <= '9'
		if isD {
			digits++
		}
		if i > 0 && isD != prevDigit && r != '-' {
			trans++
		}
		prevDigit = isD
		if strings.ContainsRune("aeiouy", r) {
			vow++
			run = 0
		} else if r >= 'a' && r <= 'z' {
			run++
			maxRun = max(maxRun, run)
		} else {
			run = 0
		}
	}
	letters := len(label) - digits
	return maxRun >= 5 || trans >= 3 || letters > 0 && float64(vow)/float64(letters) < 0.2
}

func init() {
	extraFeatures = func(m *Message) []string {
		var out []string
		from := m.FromAddr()
		reg := registeredDomain(from.Domain())
		if gibberish(firstLabel(reg)) {
			out = append(out, "gib_domain")
		}
		if gibberish(strings.Split(from.Addr, "@")[0]) {
			out = append(out, "gib_local")
		}
		body := fold(m.Text+" "+m.HTMLText, 2000)
		for _, r := range m.To {
			if r.Addr != "" && strings.Contains(trunc(body, 400), r.Addr) {
				out = append(out, "greet_addr")
				break
			}
		}
		for _, g := range genericGreet {
			if strings.Contains(body, g) {
				out = append(out, "generic_greet")
				break
			}
		}
		cta := false
		for _, l := range m.Links {
			if l.Text == "" || registeredDomain(l.Host) == reg {
				continue
			}
			t := fold(l.Text, 100)
			for _, w := range ctaWords {
				if containsPhrase(t, w) {
					cta = true
				}
			}
		}
		if cta {
			out = append(out, "cta_offdomain")
		}
		mixed := 0
		for _, w := range strings.Fields(m.Text + " " + m.HTMLText) {
			if mixedScript(w) {
				mixed++
			}
		}
		if mixed >= 2 {
			out = append(out, "mixed_body")
		}
		php := false
		for _, l := range m.Links {
			if strings.Contains(strings.ToLower(l.URL), ".php") {
				php = true
			}
			for _, r := range m.To {
				if r.Addr != "" && strings.Contains(strings.ToLower(l.URL), r.Addr) {
					out = append(out, "url_has_email")
				}
			}
		}
		if php {
			out = append(out, "php_link")
		}
		return out
	}
}

func TestScratchEvidence(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/" + os.Getenv("DIR") + "/*.eml")
	cnt := map[string]int{}
	for _, f := range files {
		if os.Getenv("SUB") != "" && !strings.Contains(f, os.Getenv("SUB")) {
			continue
		}
		fh, _ := os.Open(f)
		rep, err := NewAnalyzer(Options{}).Analyze(fh)
		fh.Close()
		if err != nil {
			continue
		}
		for _, fd := range rep.Findings {
			if fd.ID == os.Getenv("ID") {
				for _, e := range strings.Split(fd.Evidence, "; ") {
					cnt[e]++
				}
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range cnt {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	for i, x := range l {
		if i < 40 {
			fmt.Println(x.v, trunc(x.k, 150))
		}
	}
}
