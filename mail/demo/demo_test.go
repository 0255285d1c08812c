package demo

import (
	"bytes"
	"testing"

	"hygie/mail"
)

// TestMessagesCoverTheScenarios: the demo shows every verdict, MSSanté and
// ordinary mail, and health data outside MSSanté.
func TestMessagesCoverTheScenarios(t *testing.T) {
	msgs := Messages()
	if len(msgs) < 12 {
		t.Fatalf("demo has %d messages, want at least 12", len(msgs))
	}
	an := mail.NewAnalyzer(mail.Options{Lang: "fr"})
	verdicts := map[mail.Verdict]int{}
	channels := map[mail.Channel]int{}
	health := false
	for _, m := range msgs {
		rep, err := an.Analyze(bytes.NewReader(m.Raw))
		if err != nil {
			t.Errorf("%s: %v", m.Name, err)
			continue
		}
		verdicts[rep.Verdict]++
		channels[rep.Channel]++
		for _, f := range rep.Findings {
			health = health || f.ID == "health_data_outside_mssante"
		}
		t.Logf("%s: %s %d %s %v", m.Name, rep.Verdict, rep.Score, rep.Channel, ids(rep.Findings))
	}
	for _, v := range []mail.Verdict{mail.Safe, mail.Caution, mail.Dangerous} {
		if verdicts[v] == 0 {
			t.Errorf("no demo message is %s: %v", v, verdicts)
		}
	}
	if verdicts[mail.Suspicious]+verdicts[mail.Dangerous] < 4 {
		t.Errorf("want at least 4 flagged demo messages: %v", verdicts)
	}
	if channels[mail.ChannelMSSante] < 2 || channels[mail.ChannelOrdinary] == 0 {
		t.Errorf("channels %v, want MSSanté and ordinary mail", channels)
	}
	if !health {
		t.Error("no demo message has health data outside MSSanté")
	}
}

func ids(fs []mail.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}
