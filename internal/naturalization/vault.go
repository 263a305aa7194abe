package naturalization

import "immivault/internal/vault"

// OfPerson gathers a person's facts from the vault.
func OfPerson(ix *vault.Index, p *vault.Person) Facts {
	f := Facts{
		ResidentSince:      ParseDay(p.Since),
		ViaMarriage:        p.ViaMarriage,
		Married:            ParseDay(p.Married),
		SpouseCitizenSince: ParseDay(p.SpouseCitizenSince),
		InStateSince:       ParseDay(p.InStateSince),
	}
	for _, t := range ix.TripsOf(p.ID) {
		f.Trips = append(f.Trips, Trip{Departed: ParseDay(t.Departed), Returned: ParseDay(t.Returned), Destination: t.Destination})
	}
	return f
}
