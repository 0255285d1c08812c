package checks

import "sort"

// Kind is the sort of account listed in the two-factor inventory.
type Kind string

// Kinds of accounts, as stored.
const (
	KindMail     Kind = "messagerie"
	KindMSSante  Kind = "mssante"
	KindSoftware Kind = "logiciel-metier"
	KindAmeliPro Kind = "ameli-pro"
	KindBank     Kind = "banque"
	KindDoctolib Kind = "doctolib"
	KindOther    Kind = "autre"
)

// Kinds lists the account kinds in the order a form offers them.
func Kinds() []Kind {
	return []Kind{KindMail, KindMSSante, KindSoftware, KindAmeliPro, KindBank, KindDoctolib, KindOther}
}

// Method is the second factor an account uses.
type Method string

// Methods of second factor, as stored; MethodNone when 2FA is off.
const (
	MethodNone Method = ""
	MethodSMS  Method = "sms"
	MethodApp  Method = "app"
	MethodKey  Method = "key" // security key (FIDO2/U2F)
	MethodCPS  Method = "cps" // CPS card or e-CPS (Pro Santé Connect)
	// MethodBankApp is approving the login in the bank's own app (DSP2
	// strong authentication), what French banks offer instead of a code.
	MethodBankApp Method = "bank-app"
)

// Methods lists the second factors in the order a form offers them.
func Methods() []Method {
	return []Method{MethodApp, MethodSMS, MethodKey, MethodCPS, MethodBankApp}
}

// ValidKind and ValidMethod guard what is written to the database.
func ValidKind(k Kind) bool {
	for _, v := range Kinds() {
		if v == k {
			return true
		}
	}
	return false
}

// ValidMethod reports whether m is a known second factor or MethodNone.
func ValidMethod(m Method) bool {
	if m == MethodNone {
		return true
	}
	for _, v := range Methods() {
		if v == m {
			return true
		}
	}
	return false
}

// Account is one line of the two-factor inventory. Only facts are kept:
// never a password, a code or a recovery key.
type Account struct {
	ID      int64
	Name    string
	Kind    Kind
	Enabled bool
	Method  Method // MethodNone unless Enabled
}

// Strength is how well the account's second factor resists phishing and
// SIM swapping, from 0 (no 2FA) to 1 (security key or CPS). ANSSI-PG-078
// R8 advises against SMS, hence its half weight.
func (a Account) Strength() float64 {
	if !a.Enabled {
		return 0
	}
	switch a.Method {
	case MethodKey, MethodCPS:
		return 1
	case MethodApp, MethodBankApp:
		return 0.9
	case MethodSMS:
		return 0.5
	}
	return 0.5 // on, method not said: counted like the weakest factor
}

// exposure ranks kinds by the harm a takeover does: the mailbox resets
// every other account, the bank pays out, the software holds the records.
var exposure = map[Kind]int{
	KindMail: 7, KindBank: 6, KindSoftware: 5, KindMSSante: 4, KindAmeliPro: 4, KindDoctolib: 3, KindOther: 1,
}

// Advice is what to do next for an account.
type Advice int

// Advices, most urgent first.
const (
	AdviceEnable     Advice = iota // no second factor: turn it on
	AdviceReplaceSMS               // SMS: move to an app, a key or the CPS
	AdviceSayMethod                // on, but the method is unknown
	AdviceNothing                  // well protected
)

// Suggestion is one account with the advice that applies to it.
type Suggestion struct {
	Account Account
	Advice  Advice
}

// Suggestions orders the accounts by risk: no 2FA first, then SMS, then an
// unknown method, then the well protected ones; within each, the kinds
// whose takeover harms most come first.
func Suggestions(accounts []Account) []Suggestion {
	out := make([]Suggestion, 0, len(accounts))
	for _, a := range accounts {
		out = append(out, Suggestion{Account: a, Advice: adviceFor(a)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Advice != out[j].Advice {
			return out[i].Advice < out[j].Advice
		}
		return exposure[out[i].Account.Kind] > exposure[out[j].Account.Kind]
	})
	return out
}

func adviceFor(a Account) Advice {
	switch {
	case !a.Enabled:
		return AdviceEnable
	case a.Method == MethodSMS:
		return AdviceReplaceSMS
	case a.Method == MethodNone:
		return AdviceSayMethod
	}
	return AdviceNothing
}

// InventoryScore is the mean Strength of the accounts, 0 when none is listed.
func InventoryScore(accounts []Account) float64 {
	if len(accounts) == 0 {
		return 0
	}
	var sum float64
	for _, a := range accounts {
		sum += a.Strength()
	}
	return sum / float64(len(accounts))
}
