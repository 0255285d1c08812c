package incident

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hygie/i18n"
	"hygie/store"
)

// Practice is what the practice enters in Réglages for the day of an
// attack: its own name and the practitioner's, for the journal and the
// reports, and the two numbers to call first.
type Practice struct {
	Cabinet      string
	Practitioner string
	ITName       string // the practice's IT provider
	ITPhone      string
	InsurerName  string
	InsurerPhone string
	// InsurerContract is the policy number the insurer asks for.
	InsurerContract string
}

// trimmed returns p with its fields trimmed of spaces.
func (p Practice) trimmed() Practice {
	for _, f := range []*string{&p.Cabinet, &p.Practitioner, &p.ITName, &p.ITPhone, &p.InsurerName, &p.InsurerPhone, &p.InsurerContract} {
		*f = strings.TrimSpace(*f)
	}
	return p
}

// HeaderLines are the journal's and reports' heading lines in lang: French
// for what goes to a French insurer or police station (the command line,
// the PDF), the screen's language in the window.
func (p Practice) HeaderLines(lang string) []string {
	en := i18n.Lang(lang) == i18n.EN
	pick := func(fr, english string) string {
		if en {
			return english
		}
		return fr
	}
	var out []string
	if p.Cabinet != "" {
		out = append(out, pick("Cabinet : ", "Practice: ")+p.Cabinet)
	}
	if p.Practitioner != "" {
		out = append(out, pick("Praticien : ", "Practitioner: ")+p.Practitioner)
	}
	switch {
	case p.InsurerName != "" && p.InsurerContract != "":
		out = append(out, pick("Assureur : ", "Insurer: ")+p.InsurerName+pick(", contrat n° ", ", contract no. ")+p.InsurerContract)
	case p.InsurerName != "":
		out = append(out, pick("Assureur : ", "Insurer: ")+p.InsurerName)
	case p.InsurerContract != "":
		out = append(out, pick("Contrat d'assurance n° ", "Insurance contract no. ")+p.InsurerContract)
	}
	return out
}

// Practice returns what was saved in Réglages; the zero Practice when
// nothing was.
func (j *Journal) Practice() (Practice, error) {
	var p Practice
	err := j.db.QueryRow(`SELECT cabinet, practitioner, it_name, it_phone, insurer_name, insurer_phone, insurer_contract
		FROM incident_practice WHERE id = 1`).Scan(&p.Cabinet, &p.Practitioner, &p.ITName, &p.ITPhone, &p.InsurerName, &p.InsurerPhone, &p.InsurerContract)
	if errors.Is(err, sql.ErrNoRows) {
		return Practice{}, nil
	}
	if err != nil {
		return Practice{}, fmt.Errorf("read practice contacts: %w", err)
	}
	return p, nil
}

// SavePractice replaces what was saved, in one transaction.
func (j *Journal) SavePractice(p Practice) error {
	p = p.trimmed()
	return store.InTx(j.db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO incident_practice (id, cabinet, practitioner, it_name, it_phone, insurer_name, insurer_phone, insurer_contract)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET cabinet = excluded.cabinet, practitioner = excluded.practitioner,
				it_name = excluded.it_name, it_phone = excluded.it_phone, insurer_name = excluded.insurer_name,
				insurer_phone = excluded.insurer_phone, insurer_contract = excluded.insurer_contract`,
			p.Cabinet, p.Practitioner, p.ITName, p.ITPhone, p.InsurerName, p.InsurerPhone, p.InsurerContract)
		if err != nil {
			return fmt.Errorf("save practice contacts: %w", err)
		}
		return nil
	})
}

// The practice's own contacts in the directory.
const (
	OwnIT      = "own-it"
	OwnInsurer = "own-insurer"
)

// Directory is whom to reach, in the order to try: by phone first, since
// the network is unplugged at the first step — the practice's IT provider
// and insurer (Own is set; Phone is empty until entered in Réglages), then
// the national numbers with their source — and online second, the services
// reached through a website or an address.
func Directory(p Practice) (byPhone, online []Contact) {
	insurerWhen := i18n.Text{}
	for _, c := range Contacts() {
		if c.ID == "assureur" {
			insurerWhen = c.When
		}
	}
	if p.InsurerContract != "" {
		insurerWhen = i18n.Text{FR: "Contrat n° " + p.InsurerContract + ". " + insurerWhen.FR, EN: "Policy no. " + p.InsurerContract + ". " + insurerWhen.EN}
	}
	byPhone = []Contact{
		{ID: OwnIT, Own: true, Name: ownName(p.ITName, i18n.Text{FR: "Votre prestataire informatique", EN: "Your IT provider"}), Phone: p.ITPhone,
			When: i18n.Text{FR: "Le premier appel : il connaît vos ordinateurs et peut intervenir sans que vous touchiez à rien.",
				EN: "The first call: they know your computers and can step in without you touching anything."}},
		{ID: OwnInsurer, Own: true, Name: ownName(p.InsurerName, i18n.Text{FR: "Votre assureur", EN: "Your insurer"}), Phone: p.InsurerPhone, When: insurerWhen},
	}
	for _, c := range Contacts() {
		switch {
		case c.ID == "assureur":
		case c.Phone != "":
			byPhone = append(byPhone, c)
			if c.URL != "" {
				online = append(online, c)
			}
		default:
			online = append(online, c)
		}
	}
	return byPhone, online
}

// ownName is « Votre assureur : MMA » once the name is entered.
func ownName(name string, role i18n.Text) i18n.Text {
	if name == "" {
		return role
	}
	return i18n.Text{FR: role.FR + " : " + name, EN: role.EN + ": " + name}
}
