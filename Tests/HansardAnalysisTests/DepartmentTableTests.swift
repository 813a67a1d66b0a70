import Foundation
import HansardAnalysis
import HansardIngestion
import HansardTestSupport
import Testing

/// The department table that ships with hansard (data/uk-government-departments.json).
@Suite("Department table")
struct DepartmentTableTests {
    let table: DepartmentTable

    init() throws { table = try DepartmentTable.bundled() }

    @Test("The bundled table is the one in data/, and every entry names its sources")
    func bundledCopy() throws {
        let bundled = try Data(
            contentsOf: CorpusFile.packageRoot.appendingPathComponent(
                "Sources/HansardAnalysis/Resources/departments.json"))
        let published = try Data(
            contentsOf: CorpusFile.packageRoot.appendingPathComponent("data/uk-government-departments.json"))
        #expect(bundled == published)
        #expect(table.departments.count > 80)
        for department in table.departments {
            #expect(!department.sources.isEmpty, "\(department.id) names no source")
        }
        #expect(Set(table.sources.keys).isSuperset(of: ["gov.uk", "ifg", "tna"]))
    }

    @Test("Office lines name their department on the day")
    func offices() {
        func name(_ office: String, _ date: String, _ house: House = .commons) -> String? {
            table.department(inOffice: office, on: .of(date), house: house)?.name
        }
        #expect(name("The Minister of State, Cabinet Office", "2009-10-28") == "Cabinet Office")
        #expect(
            name("The Minister for the Cabinet Office and for the Olympics, and Paymaster General", "2009-10-28")
                == "Cabinet Office")
        #expect(name("The Prime Minister", "1961-07-18") == "Prime Minister's Office")
        #expect(name("The ATTORNEY-GENERAL", "1914-09-17") == "Attorney General's Office")
        #expect(name("The SECRETARY of STATE for the HOME DEPARTMENT", "1914-11-16") == "Home Office")
        #expect(name("The UNDER-SECRETARY of STATE for WAR", "1915-03-03") == "War Office")
        #expect(name("The Chief Secretary to the Treasury", "1963-03-21") == "HM Treasury")
        #expect(name("The Parliamentary Secretary for Science", "1961-07-18") == "Office of the Minister for Science")
        #expect(name("The Minister of Education", "1962-07-05") == "Ministry of Education")
        #expect(name("The Secretary of State for Justice and Lord Chancellor", "2009-10-29") == "Ministry of Justice")
        #expect(
            name("The Secretary of State for Communities and Local Government", "2009-10-28")
                == "Department for Communities and Local Government")
        #expect(name("The Minister for Borders and Immigration", "2009-10-28") == "Home Office")
        #expect(
            name("The Minister for Higher Education and Intellectual Property", "2009-10-29")
                == "Department for Business, Innovation and Skills")
        #expect(name("The COP26 President", "2022-06-15") == "Cabinet Office")
        // An office of a department gone by the day ("Secretary of State for the Environment") does not hide the
        // department of the day.
        #expect(
            name("The Parliamentary Under-Secretary of State for Environment, Food and Rural Affairs", "2022-06-15")
                == "Department for Environment, Food and Rural Affairs")
        #expect(
            name("THE PRESIDENT OF THE BOARD OF AGRICULTURE AND FISHERIES", "1915-02-10", .lords)
                == "Board of Agriculture and Fisheries")
        // "Prime Minister" inside "Deputy Prime Minister" is not read; the departmental office is.
        #expect(
            name("The Deputy Prime Minister and Secretary of State for Justice", "2023-03-28") == "Ministry of Justice")
        // The Lord Chancellor's department depends on the date.
        #expect(name("The Lord Chancellor", "2001-01-01", .lords) == "Lord Chancellor's Department")
        #expect(name("The Lord Chancellor", "2005-01-01", .lords) == "Department for Constitutional Affairs")
        #expect(name("The Lord Chancellor", "2009-01-01", .lords) == "Ministry of Justice")
        // Whips and sinecures name no department.
        #expect(name("Lord in Waiting (Government Whip)", "2009-10-26", .lords) == nil)
        #expect(name("The Minister for Regional Economic Development and Co-ordination", "2009-10-28") == nil)
    }

    @Test("Question-time headings name a department only when the whole heading is its name")
    func headings() {
        func name(_ heading: String, _ date: String) -> String? {
            table.department(inHeading: heading, on: .of(date), house: .commons)?.name
        }
        #expect(name("HOME DEPARTMENT", "2009-10-29") == "Home Office")
        #expect(name("Justice", "2023-03-28") == "Ministry of Justice")
        #expect(name("Oral Answers to Questions — Defence", "2009-10-26") == "Ministry of Defence")
        #expect(name("Questions To The Prime Minister", "1961-07-18") == "Prime Minister's Office")
        #expect(name("National Finance", "1963-03-21") == "HM Treasury")
        #expect(name("Science", "1961-07-18") == "Office of the Minister for Science")
        #expect(name("Commonwealth Relations", "1962-07-05") == "Commonwealth Relations Office")
        #expect(name("Coroners and Justice Bill", "2009-10-26") == nil)
        // A Lords question's topic is not a department.
        #expect(name("Health: Tuberculosis — Question", "2009-10-26") == nil)
        #expect(name("Illegal Migration Bill", "2023-03-28") == nil)
    }

    @Test("A user's department finds its aliases and its predecessors")
    func queries() {
        #expect(table.canonicalNames(matching: "Home Office") == ["Home Office"])
        #expect(table.canonicalNames(matching: "Home Department") == ["Home Office"])
        #expect(table.canonicalNames(matching: "Justice").contains("Department for Constitutional Affairs"))
        #expect(table.canonicalNames(matching: "Justice").contains("Lord Chancellor's Department"))
        #expect(table.canonicalNames(matching: "cabinet office") == ["Cabinet Office"])
        #expect(table.canonicalNames(matching: "Treasury") == ["HM Treasury"])
        #expect(table.canonicalNames(matching: "Prime Minister") == ["Prime Minister's Office"])
        #expect(table.canonicalNames(matching: "Department of Health").contains("Ministry of Health"))
        #expect(table.canonicalNames(matching: "Ministry of Silly Walks").isEmpty)
    }
}
