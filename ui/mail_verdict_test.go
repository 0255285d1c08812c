package ui

import (
	"testing"

	"hygie/mail"
)

func TestMailScaleTextIsOneScale(t *testing.T) {
	cases := []struct {
		v     mail.Verdict
		score int
		want  string
	}{
		{mail.Caution, 0, "Score 20 sur 100 : de 20 à 39, le message est à vérifier."},
		{mail.Caution, 35, "Score 35 sur 100 : de 20 à 39, le message est à vérifier."},
		{mail.Safe, 5, "Score 5 sur 100 : de 0 à 19, le message est jugé sûr."},
		{mail.Dangerous, 40, "Score 70 sur 100 : de 70 à 100, le message est dangereux."},
		{"", 0, ""},
	}
	for _, c := range cases {
		if got := mailScaleText(c.v, c.score); got != c.want {
			t.Errorf("mailScaleText(%s, %d) = %q, want %q", c.v, c.score, got, c.want)
		}
	}
}
