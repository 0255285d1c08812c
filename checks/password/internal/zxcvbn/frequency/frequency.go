package frequency

import (
	"encoding/json"
	"log"
	"sync"

	"hygie/checks/password/internal/zxcvbn/data"
)

// List holds a frequency list
type List struct {
	Name string
	List []string
}

var (
	listsOnce sync.Once
	lists     map[string]List
)

// Lists returns all the frequency lists by name, read on the first call
// (upstream reads them in init, for every program that imports the package).
func Lists() map[string]List {
	listsOnce.Do(load)
	return lists
}

func load() {
	lists = make(map[string]List)
	maleFilePath := getAsset("data/MaleNames.json")
	femaleFilePath := getAsset("data/FemaleNames.json")
	surnameFilePath := getAsset("data/Surnames.json")
	englishFilePath := getAsset("data/English.json")
	passwordsFilePath := getAsset("data/Passwords.json")

	lists["MaleNames"] = getStringListFromAsset(maleFilePath, "MaleNames")
	lists["FemaleNames"] = getStringListFromAsset(femaleFilePath, "FemaleNames")
	lists["Surname"] = getStringListFromAsset(surnameFilePath, "Surname")
	lists["English"] = getStringListFromAsset(englishFilePath, "English")
	lists["Passwords"] = getStringListFromAsset(passwordsFilePath, "Passwords")
}

func getAsset(name string) []byte {
	data, err := data.Asset(name)
	if err != nil {
		panic("Error getting asset " + name)
	}

	return data
}

func getStringListFromAsset(data []byte, name string) List {
	var tempList List
	err := json.Unmarshal(data, &tempList)
	if err != nil {
		log.Fatal(err)
	}
	tempList.Name = name
	return tempList
}
