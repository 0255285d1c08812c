package checks

import "testing"

func TestSuggestionsOrderedByRisk(t *testing.T) {
	accounts := []Account{
		{Name: "Clé", Kind: KindBank, Enabled: true, Method: MethodKey},
		{Name: "Doctolib", Kind: KindDoctolib, Enabled: false},
		{Name: "Banque SMS", Kind: KindBank, Enabled: true, Method: MethodSMS},
		{Name: "Messagerie", Kind: KindMail, Enabled: false},
		{Name: "Logiciel", Kind: KindSoftware, Enabled: true, Method: MethodApp},
		{Name: "Inconnu", Kind: KindOther, Enabled: true},
	}
	want := []string{"Messagerie", "Doctolib", "Banque SMS", "Inconnu", "Clé", "Logiciel"}
	got := Suggestions(accounts)
	for i, s := range got {
		if s.Account.Name != want[i] {
			t.Errorf("Suggestions[%d] = %s, want %s", i, s.Account.Name, want[i])
		}
	}
	if got[0].Advice != AdviceEnable || got[2].Advice != AdviceReplaceSMS || got[5].Advice != AdviceNothing {
		t.Errorf("advice wrong: %+v", got)
	}
}

func TestStrengthOrder(t *testing.T) {
	off := Account{Enabled: false, Method: MethodKey}
	sms := Account{Enabled: true, Method: MethodSMS}
	app := Account{Enabled: true, Method: MethodApp}
	key := Account{Enabled: true, Method: MethodKey}
	cps := Account{Enabled: true, Method: MethodCPS}
	if !(off.Strength() < sms.Strength() && sms.Strength() < app.Strength() && app.Strength() < key.Strength()) {
		t.Errorf("strengths not ordered off < SMS < app < key")
	}
	if cps.Strength() != key.Strength() {
		t.Errorf("CPS strength %v, want %v", cps.Strength(), key.Strength())
	}
	if InventoryScore(nil) != 0 || InventoryScore([]Account{key, off}) != 0.5 {
		t.Errorf("InventoryScore wrong")
	}
}

func TestTwoFAItemsFollowTheInventory(t *testing.T) {
	day := "2026-12-01"
	item := func(id string) Item {
		it, ok := Find(id)
		if !ok {
			t.Fatalf("no item %s", id)
		}
		return it
	}
	r := Records{Accounts: []Account{
		{ID: 1, Name: "Banque Pop", Kind: KindBank, Enabled: true, Method: MethodSMS},
		{ID: 2, Name: "Mail cabinet", Kind: KindMail, Enabled: false},
	}, Ticks: []Tick{{Item: "2fa-mailbox", Day: day, Source: Manual}}}
	if st := r.State(item("2fa-bank"), day); st.Status != Done || !st.FromInventory() {
		t.Errorf("bank with SMS: status %v from inventory %v, want Done from the inventory", st.Status, st.FromInventory())
	}
	if st := r.State(item("2fa-mailbox"), day); st.Status != Due {
		t.Errorf("mailbox off in the inventory but ticked: status %v, want Due", st.Status)
	}
	if st := r.State(item("2fa-doctolib"), day); st.Status != Due || st.FromInventory() {
		t.Errorf("doctolib not in the inventory: status %v, want Due from the ticks", st.Status)
	}
	for _, e := range r.Entries(day, "fr") {
		if e.ID == "2fa-bank" && !e.DoneToday {
			t.Errorf("checks list says 2fa-bank is to do while the inventory has it on")
		}
	}
}

func TestBankAppMethod(t *testing.T) {
	found := false
	for _, m := range Methods() {
		found = found || m == MethodBankApp
	}
	if !found || !ValidMethod(MethodBankApp) {
		t.Fatal("the bank's own app is not offered as a second factor")
	}
	a := Account{Kind: KindBank, Enabled: true, Method: MethodBankApp}
	if a.Strength() < 0.9 || adviceFor(a) != AdviceNothing {
		t.Errorf("bank app: strength %v advice %v", a.Strength(), adviceFor(a))
	}
}
