// A small index whose minute item names more people and officers than one
// run of facet slots holds (core/schema.h kMaxMultiSlots), as a full
// council's attendance list does (Kent County Council's minutes of
// 19 December 2024 list 66 members present), for tests of facet counting.
#pragma once

#include <string>
#include <vector>

#include "core/normalise.h"
#include "core/passage.h"
#include "indexer/writer.h"
#include "test_paths.h"

namespace minutebook::test {

// "Councillor 001" ... in the order the minutes list them.
inline std::vector<std::string> attendance_names(int count) {
    std::vector<std::string> out;
    for (int i = 1; i <= count; ++i) {
        std::string n = std::to_string(i);
        out.push_back("Councillor Member" + std::string(3 - n.size(), '0') + n);
    }
    return out;
}

// Writes the index at `db`: one minute item naming `people` people and
// `officers` officers (also people), and one naming two people.
inline void write_attendance_index(const std::string& db, int people, int officers) {
    IndexWriter writer(db);
    for (int i = 0; i < 2; ++i) {
        Passage p;
        p.type = PassageType::kMinute;
        p.part = PartKind::kMinutes;
        p.committee = "County Council";
        p.meeting_date = "2024-12-19";
        p.minute = std::to_string(i + 1);
        p.key = "minute/county-council/2024-12-19/" + *p.minute;
        p.title = i == 0 ? "Apologies and attendance" : "Budget";
        p.people = attendance_names(i == 0 ? people : 2);
        if (i == 0) {
            for (int k = 0; k < officers; ++k) p.officers.push_back(p.people[static_cast<size_t>(k)]);
        }
        p.text = p.title + "\nPresent: the members of the council at the attendance meeting.";
        p.locations.push_back({"minutes.pdf", sha256_hex("minutes"), {1 + i}, false, "2024-12-19"});
        writer.add(p);
    }
    writer.finish();
}

}  // namespace minutebook::test
