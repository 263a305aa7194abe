package noticetest

// form is a form as the generator files it.
type form struct {
	code                 string // as the case type prints it: "I485"
	name                 string // as the truth and the body say it: "I-485"
	title                string // the case type title, upper case as notices print it
	party                string // who filed: "Applicant", "Petitioner" or "Requestor"
	petition             bool   // has a beneficiary besides the petitioner
	priority             bool   // establishes or carries a priority date
	biometric, interview bool
	prefixes             []string // receipt offices that take it
	fee                  string
}

var forms = []form{
	{"I130", "I-130", "PETITION FOR ALIEN RELATIVE", "Petitioner", true, true, false, true,
		[]string{"IOE", "EAC", "WAC", "LIN", "SRC", "MSC", "NBC"}, "675.00"},
	{"I485", "I-485", "APPLICATION TO REGISTER PERMANENT RESIDENCE OR ADJUST STATUS", "Applicant", false, true, true, true,
		[]string{"MSC", "NBC", "IOE", "LIN", "SRC", "EAC"}, "1,440.00"},
	{"I765", "I-765", "APPLICATION FOR EMPLOYMENT AUTHORIZATION", "Applicant", false, false, true, false,
		[]string{"IOE", "MSC", "EAC", "WAC", "LIN", "SRC", "YSC"}, "470.00"},
	{"I131", "I-131", "APPLICATION FOR TRAVEL DOCUMENT", "Applicant", false, false, true, false,
		[]string{"MSC", "NBC", "EAC", "IOE"}, "630.00"},
	{"N400", "N-400", "APPLICATION FOR NATURALIZATION", "Applicant", false, false, true, true,
		[]string{"IOE", "NBC", "MSC"}, "710.00"},
	{"I751", "I-751", "PETITION TO REMOVE CONDITIONS ON RESIDENCE", "Petitioner", false, false, true, true,
		[]string{"IOE", "EAC", "WAC", "LIN"}, "750.00"},
	{"I90", "I-90", "APPLICATION TO REPLACE PERMANENT RESIDENT CARD", "Applicant", false, false, true, false,
		[]string{"IOE", "MSC", "NBC"}, "415.00"},
	{"I129F", "I-129F", "PETITION FOR ALIEN FIANCE(E)", "Petitioner", true, false, false, false,
		[]string{"WAC", "EAC", "IOE"}, "675.00"},
	{"I539", "I-539", "APPLICATION TO EXTEND/CHANGE NONIMMIGRANT STATUS", "Applicant", false, false, true, false,
		[]string{"WAC", "EAC", "IOE", "SRC"}, "470.00"},
	{"I140", "I-140", "IMMIGRANT PETITION FOR ALIEN WORKER", "Petitioner", true, true, false, false,
		[]string{"LIN", "SRC", "IOE"}, "715.00"},
	{"I589", "I-589", "APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL", "Applicant", false, false, true, true,
		[]string{"YSC", "IOE", "ZNK", "ZLA", "ZNY"}, "100.00"},
	{"I821D", "I-821D", "CONSIDERATION OF DEFERRED ACTION FOR CHILDHOOD ARRIVALS", "Requestor", false, false, true, false,
		[]string{"IOE", "NBC", "EAC", "LIN"}, "555.00"},
	{"I129", "I-129", "PETITION FOR A NONIMMIGRANT WORKER", "Petitioner", true, false, false, false,
		[]string{"WAC", "EAC", "IOE"}, "780.00"},
	{"I360", "I-360", "PETITION FOR AMERASIAN, WIDOW(ER), OR SPECIAL IMMIGRANT", "Petitioner", false, true, false, false,
		[]string{"EAC", "IOE"}, "515.00"},
	{"I601A", "I-601A", "APPLICATION FOR PROVISIONAL UNLAWFUL PRESENCE WAIVER", "Applicant", false, false, true, false,
		[]string{"NBC", "IOE"}, "795.00"},
	{"N600", "N-600", "APPLICATION FOR CERTIFICATE OF CITIZENSHIP", "Applicant", false, false, false, true,
		[]string{"IOE", "NBC"}, "1,385.00"},
}

// Notice kinds, with how often each is drawn (per hundred).
const (
	receipt = iota
	approval
	rfe
	biometrics
	interview
	transfer
	rejection
	noid
	denial
)

var kindWeights = []int{30, 18, 12, 12, 8, 7, 5, 5, 3}

// noticeTypes are the canonical names a reader reports, by kind.
var noticeTypes = []string{
	"Receipt Notice", "Approval Notice", "Request for Evidence", "Biometrics Appointment",
	"Interview Notice", "Transfer Notice", "Rejection Notice", "Notice of Intent to Deny", "Denial Notice",
}

// noticeTypeLines are what the "Notice Type:" line prints, by kind.
var noticeTypeLines = [][]string{
	{"Receipt Notice", "Receipt Notice", "RECEIPT NOTICE"},
	{"Approval Notice", "Approval Notice", "APPROVAL NOTICE"},
	{"Request for Evidence", "Request for Initial Evidence", "REQUEST FOR EVIDENCE"},
	{"ASC Appointment Notice", "Biometrics Appointment Notice", "ASC APPOINTMENT NOTICE"},
	{"Interview Notice", "Interview Notice", "INTERVIEW NOTICE"},
	{"Transfer Notice", "Transfer Notice", "TRANSFER NOTICE"},
	{"Rejection Notice", "Rejection Notice", "REJECTION NOTICE"},
	{"Notice of Intent to Deny", "NOTICE OF INTENT TO DENY"},
	{"Denial Notice", "DENIAL NOTICE"},
}

// variants is the Form I-797 variant each kind is printed on (docs/identifiers.md#variants).
var variants = []string{"I-797C", "I-797", "I-797E", "I-797C", "I-797C", "I-797C", "I-797C", "I-797E", "I-797C"}

var (
	surnames = []string{"EXEMPLO", "MUESTRA", "PROBEN", "SAMPLER", "ESEMPIO", "DEMOVA", "TESTARO",
		"FICTICIO", "MODELLO", "PATRONA", "IMAGINE", "SPECIMEN"}
	givenNames = []string{"MARIA", "JOAO", "ANA", "LUIS", "FATIMA", "WEI", "PRIYA", "OLENA", "KWAME",
		"SOFIA", "DIEGO", "AMIRA", "TOMAS", "LINH"}
	streets = []string{"MAPLE AVE", "OAK ST", "HARBOR BLVD", "CEDAR LN", "RIVER RD", "ELM CT",
		"SUMMIT DR", "LAKE VIEW TER"}
	cities = []string{"SPRINGFIELD IL 62704", "RIVERSIDE CA 92501", "FAIRVIEW TX 75069",
		"MADISON WI 53703", "GREENVILLE SC 29601", "SALEM OR 97301", "ARLINGTON VA 22201"}
	attorneys = []string{"C/O LAW OFFICE OF R. EXAMPLE", "C/O EXAMPLE & PARTNERS LLP",
		"c/o Demo Immigration Law Group", "C/O SAMPLE LEGAL AID"}
	offices = [][]string{
		{"NATIONAL BENEFITS CENTER", "P.O. BOX 648003", "LEE'S SUMMIT MO 64002"},
		{"VERMONT SERVICE CENTER", "75 LOWER WELDEN STREET", "SAINT ALBANS VT 05479"},
		{"CALIFORNIA SERVICE CENTER", "P.O. BOX 30111", "LAGUNA NIGUEL CA 92607"},
		{"NEBRASKA SERVICE CENTER", "P.O. BOX 82521", "LINCOLN NE 68501"},
		{"TEXAS SERVICE CENTER", "6046 N BELT LINE RD", "IRVING TX 75038"},
		{"POTOMAC SERVICE CENTER", "2200 POTOMAC AVE", "ARLINGTON VA 22202"},
	}
	supportCenters = [][]string{
		{"USCIS NEWARK", "970 BROAD STREET", "NEWARK NJ 07102"},
		{"USCIS SPRINGFIELD ASC", "100 EXAMPLE PLAZA", "SPRINGFIELD IL 62701"},
		{"USCIS RIVERSIDE", "1 SAMPLE WAY STE 200", "RIVERSIDE CA 92507"},
		{"USCIS SALEM", "10 DEMO ROAD", "SALEM OR 97302"},
	}
)
