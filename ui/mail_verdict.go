package ui

import (
	"fyne.io/fyne/v2/lang"

	"hygie/mail"
)

// mailScore is the score shown beside verdict v: an analysis stored by an
// older version may hold a score outside its verdict's range, and the two
// must read as one scale.
func mailScore(v mail.Verdict, score int) int {
	lo, hi := mail.ScoreRange(v)
	return min(max(score, lo), hi)
}

// mailScaleText is the sentence under a verdict that ties it to its score:
// « Score 35 sur 100 : de 20 à 39, le message est à vérifier. » It is ""
// for a message not analysed.
func mailScaleText(v mail.Verdict, score int) string {
	lo, hi := mail.ScoreRange(v)
	data := map[string]any{"Score": mailScore(v, score), "Lo": lo, "Hi": hi}
	switch v {
	case mail.Dangerous:
		return lang.X("mail.verdict.scale.dangerous", "Score {{.Score}} sur 100 : de {{.Lo}} à {{.Hi}}, le message est dangereux.", data)
	case mail.Suspicious:
		return lang.X("mail.verdict.scale.suspicious", "Score {{.Score}} sur 100 : de {{.Lo}} à {{.Hi}}, le message est suspect.", data)
	case mail.Caution:
		return lang.X("mail.verdict.scale.caution", "Score {{.Score}} sur 100 : de {{.Lo}} à {{.Hi}}, le message est à vérifier.", data)
	case mail.Safe:
		return lang.X("mail.verdict.scale.safe", "Score {{.Score}} sur 100 : de {{.Lo}} à {{.Hi}}, le message est jugé sûr.", data)
	}
	return ""
}
