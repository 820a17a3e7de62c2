// Names of people, and the variants papers print them in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minutebook {

struct PersonName {
    std::string title;     // "Councillor", "Dr", "Mr", ... as printed ("Cllr" -> "Councillor")
    std::string forename;  // "Simon", or "" when only initials or nothing was printed
    std::string initials;  // "S", "SJ", or "" when unknown
    std::string surname;   // "Bywater", "Ogle-Welbourn" (a hyphen broken across a line is mended)
    bool councillor = false;
    // What was printed with the name, without brackets: "Chair", "Appointee",
    // "Executive Director, Children Education and Families", "substituted by
    // Councillor Elisa Meschini"; "" when nothing was.
    std::string role;
    // "Simon Bywater", "R W Gough" or "Bywater": the fullest form known.
    std::string display() const;
};

// Parses one person's name as printed, with any title and trailing role:
// "Councillor S Bywater", "Cllr Bywater", "Dr Andy Stone (Appointee)",
// "Wendi Ogle- Welbourn", "Goodliffe (Chair)", "Mr R C Love, OBE" (honours are
// dropped), "Martin Purbrick, Executive Director, Children Education and
// Families" (the post becomes the role). Posts and things that are not
// names ("Executive Director: Children, Education and Families", "Service
// Director", "Democratic Services", "Page 5") give nullopt. Without a title,
// a name is one to four capitalised words, none of them a common word of
// council papers; with one, any capitalised words ("Mrs C Head").
// Of three full words, the first is the forename and the other two the
// surname ("David Ambrose Smith" is printed for "Ambrose-Smith").
std::optional<PersonName> parse_person(std::string_view raw);

// Whether `text` is a post (job title) rather than a person's name.
bool is_post(std::string_view text);

// Splits an attendance list into names: "Councillors Ambrose-Smith, Bradnam,
// Goodliffe (Chair), Gowing and Taylor." -> {"Councillor Ambrose-Smith", ...};
// the role in brackets is kept on the name ("Councillor Goodliffe (Chair)").
// A leading label ("Present:", "PRESENT:", "Apologies for absence were
// received from") is dropped. Honours stay with their name ("Mr R C Love,
// OBE"); a post after a comma stays with its name ("Jon Young, Church of
// England Diocese of Ely"); a substitute printed after a comma is put in
// brackets as when printed in them ("Councillor S Taylor (substituted by
// Cllr T Sanderson)"). Names printed one after another without commas are
// split before each title and after each bracket ("Councillor Bryony
// Goodliffe (Chair) Councillor Firouz Thompson (Vice-Chair) ...").
std::vector<std::string> split_name_list(std::string_view list);

// The substitute named in a listed name, "Councillor Elisa Meschini" for
// "Councillor Alex Bulat (substituted by Councillor Elisa Meschini)";
// nullopt when none is.
std::optional<std::string> substitute_of(std::string_view listed);

// Merges the variants of people's names seen in an archive into one
// canonical name each ("Councillor S Bywater", "Councillor Simon Bywater",
// "Cllr Bywater" -> "Simon Bywater"). A variant joins the one person it is
// compatible with: the same surname, ignoring case, hyphens and spaces
// ("Ogle-Welbourn", "Ogle Welbourn", "OgleWelbourn"); forenames that are
// equal or one a short form of the other ("Mike", "Michael"); initials one a
// prefix of the other ("R Gough", "R W Gough"); titles of the same sex ("Mr J
// Meade" and "Ms J Meade" are two people). A variant compatible with several
// people ("S Bywater" when "Simon Bywater" and "Sarah Bywater" are known)
// stays apart from them. Results depend on the order of adding: a variant
// joins a person before a second person of that surname is known. When two
// people would have the same canonical name, their titles tell them apart
// ("Mr J Meade", "Ms J Meade"). Not thread-safe.
class PeopleRegistry {
public:
    // Records a variant; returns the canonical name it belongs to now, or ""
    // when it is not a person's name.
    std::string add(std::string_view raw);
    // The canonical name for a variant, "" when unknown. Names added later
    // may make a canonical name fuller ("S Bywater" -> "Simon Bywater").
    std::string canonical(std::string_view raw) const;
    // canonical name -> every variant seen, as printed.
    std::map<std::string, std::vector<std::string>> variants() const;

private:
    struct Entry {
        PersonName name;
        std::vector<std::string> seen;
        char sex = 0;  // 'm' or 'f' when a title told, else 0
    };
    std::vector<Entry> entries_;
    std::optional<size_t> find(const PersonName& name) const;
    std::string canonical_of(size_t index) const;
};

// Whether what a person typed names this person (any variant: "Bywater",
// "S Bywater", "Cllr Simon Bywater"), ignoring case and hyphens.
bool person_matches(std::string_view canonical, std::string_view typed);

}  // namespace minutebook
