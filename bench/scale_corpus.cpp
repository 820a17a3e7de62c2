// A synthetic archive of any size, written through the real IndexWriter, so
// its terms, values, facets and document data are exactly what `minutebook
// index` writes. It learns from an index of the real corpus: each synthetic
// agenda pack replays the passages of one real pack (minute items, their
// resolutions, attendance, action rows, report sections, agenda items,
// pages, with their pages and lengths) for another committee and meeting,
// with minute numbers running on per committee, actions citing the previous
// meeting's minutes, officers and councillors from pools of the corpus's own
// first names and surnames, and text from a word-bigram model of the
// corpus's text. Meetings are spread over 20 years. Deterministic: the same
// model, seed and size give the same index.
//
// Usage: scale_corpus --model DB --db OUT --passages N [--seed S] [--batch N] [--part K/N]
//        scale_corpus --merge OUT PART_DB...
// Prints passages written, seconds and passages per second. With --part, a
// process writes the committees of part K of N, so that N processes write
// at once into N databases; --merge compacts them into one and rebuilds its
// vocabulary (spelling, synonyms) over the whole (bench/scale_latency.sh).
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench/synthetic.h"
#include "core/passage.h"
#include "indexer/vocabulary.h"
#include "indexer/writer.h"

namespace {

using namespace minutebook;
using namespace minutebook::synthetic;

constexpr int kFirstDay = 13149;     // 2006-01-01
constexpr int kArchiveDays = 7305;   // 20 years
constexpr int kTermDays = 1461;      // councillors change at each election, every four years
constexpr size_t kCouncillorsPerCommittee = 12;
constexpr size_t kOfficerPool = 400;
constexpr size_t kCouncillorPool = 1200;
constexpr double kRealResolutionShare = 0.7;
constexpr double kRealTitleShare = 0.6;

struct Options {
    std::string model, db;
    size_t passages = 0;
    uint64_t seed = 1;
    size_t batch = 250;  // passages a commit: larger batches cost Xapian more per passage
    // This process writes the committees c with c % parts == part, so that
    // parts can be written at once into separate databases and merged.
    size_t part = 0, parts = 1;
};

// What the generator learns from the real corpus.
struct Model {
    std::vector<std::vector<Passage>> packs;  // passages of each real file, in index order
    std::vector<std::string> committees;
    std::map<PassageType, std::vector<std::string>> titles;       // type -> real titles
    std::map<std::string, std::vector<std::string>> resolutions;  // decision kind -> resolution text
    std::vector<std::string> officers, councillors;               // synthetic pools
    MarkovText text;
    size_t passages = 0;
};

Model learn(const std::string& db_path, Rng& rng) {
    Xapian::Database db(db_path);
    Model m;
    std::map<std::string, size_t> pack_of;
    std::set<std::string> committees, officer_names, people_names;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Passage p = from_document_data(db.get_document(*it).get_data());
        auto [slot, added] = pack_of.emplace(p.primary().file_id, m.packs.size());
        if (added) m.packs.emplace_back();
        if (p.committee) committees.insert(*p.committee);
        if (!p.title.empty()) m.titles[p.type].push_back(p.title);
        if (p.decision) m.resolutions[p.decision->kind].push_back(p.decision->text);
        officer_names.insert(p.officers.begin(), p.officers.end());
        people_names.insert(p.people.begin(), p.people.end());
        m.text.train(p.text);
        m.packs[slot->second].push_back(std::move(p));
        ++m.passages;
    }
    if (m.passages == 0) throw std::runtime_error("The model index " + db_path + " holds no passages.");
    m.committees = synthetic::committees({committees.begin(), committees.end()});
    people_names.insert(officer_names.begin(), officer_names.end());
    const std::vector<std::string> everyone(people_names.begin(), people_names.end());
    m.officers = name_pool(everyone, kOfficerPool, rng);
    m.councillors = name_pool(everyone, kCouncillorPool, rng);
    return m;
}

// The first line of `text`, cut at a word near 90 bytes (never inside a
// UTF-8 sequence), as a page passage's title.
std::string first_line(const std::string& text) {
    constexpr size_t kTitleBytes = 90;
    std::string line = text.substr(0, text.find('\n'));
    if (line.size() > kTitleBytes) {
        const size_t space = line.rfind(' ', kTitleBytes);
        line.resize(space == std::string::npos || space == 0 ? kTitleBytes : space);
        while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xc0) == 0x80) line.pop_back();
        if (!line.empty() && static_cast<unsigned char>(line.back()) >= 0xc0) line.pop_back();
    }
    return line;
}

// Where each committee stands as its packs are written.
struct CommitteeState {
    int next_minute = 1;
    int municipal_year = 0;
    std::vector<std::string> last_minutes;  // numbers of the latest minutes written
    std::string last_minutes_date;
};

// One synthetic pack: a real pack replayed for another meeting.
class PackWriter {
public:
    PackWriter(const Model& model, uint64_t seed, size_t packs_per_committee)
        : model_(model), seed_(seed), states_(model.committees.size()),
          spacing_(std::max(1, kArchiveDays / static_cast<int>(std::max<size_t>(1, packs_per_committee)))) {}

    // The committee of pack `i`.
    size_t committee_of(size_t i) const { return i % model_.committees.size(); }

    // The passages of pack `i`: the same whichever packs were made before,
    // but for minute numbers, which run on through the committee's packs.
    std::vector<Passage> pack(size_t i) {
        rng_ = Rng(seed_ ^ (0x9e3779b97f4a7c15ULL * (i + 1)));
        const std::vector<Passage>& source = pick(rng_, model_.packs);
        const size_t c = committee_of(i);
        const int k = static_cast<int>(i / model_.committees.size()) + 1;
        committee_ = model_.committees[c];
        slug_ = slugify(committee_);
        pack_day_ = meeting_day(c, k);
        minutes_day_ = meeting_day(c, k - 1);
        file_id_ = sha256_hex("synthetic pack " + std::to_string(i));
        file_ = "Agenda_reports_pack_" + file_date(pack_day_) + "_" + underscored(committee_) + ".pdf";
        names_.clear();
        seen_actions_.clear();
        councillors_ = councillors(c, minutes_day_);
        CommitteeState& state = states_[c];
        start_minutes(state);
        std::vector<std::string> numbers;
        std::vector<Passage> out;
        for (const Passage& t : source) out.push_back(replay(t, state, numbers));
        if (!numbers.empty()) {
            state.last_minutes = numbers;
            state.last_minutes_date = iso_from_days(minutes_day_);
        }
        return out;
    }

private:
    int meeting_day(size_t c, int k) const {
        int day = kFirstDay + k * spacing_ + static_cast<int>(c % 5);
        const int weekday = (day + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
        if (weekday == 6) day += 2;
        if (weekday == 0) day += 1;
        return day;
    }

    static std::string underscored(std::string s) {
        for (char& ch : s) {
            if (ch == ' ') ch = '_';
        }
        std::erase(s, ',');
        return s;
    }

    std::vector<std::string> councillors(size_t c, int day) const {
        Rng term(0x5eed ^ (c * 1000003) ^ static_cast<uint64_t>((day - kFirstDay) / kTermDays) * 7919);
        std::vector<std::string> out;
        for (size_t j = 0; j < kCouncillorsPerCommittee; ++j) out.push_back(pick(term, model_.councillors));
        return out;
    }

    // Minute numbers run on through a municipal year (from May) and start
    // again at 1.
    void start_minutes(CommitteeState& state) const {
        const std::string iso = iso_from_days(minutes_day_);
        const int year = std::stoi(iso.substr(0, 4)) - (std::stoi(iso.substr(5, 2)) < 5 ? 1 : 0);
        if (year != state.municipal_year) {
            state.municipal_year = year;
            state.next_minute = 1;
        }
    }

    // The same real name maps to the same synthetic one within a pack, so a
    // report's sections keep their officers.
    std::string person(const std::string& real, bool officer) {
        auto [it, added] = names_.emplace(real, "");
        if (added) it->second = officer ? model_.officers[rng_.skewed_below(model_.officers.size())]
                                        : pick(rng_, councillors_);
        return it->second;
    }

    std::string title(const Passage& t) {
        const auto& real = model_.titles.at(t.type);
        const std::string& base = real[rng_.skewed_below(real.size())];
        if (rng_.chance(kRealTitleShare)) return base;
        const size_t space = base.find(' ');
        return model_.text.continue_from(rng_, base.substr(0, space), std::max<size_t>(2, count_words(base)));
    }

    std::string resolution(const std::string& kind) {
        if (rng_.chance(kRealResolutionShare)) return pick(rng_, model_.resolutions.at(kind));
        return "It was resolved to " + model_.text.generate(rng_, 10 + rng_.below(30));
    }

    std::string body(const Passage& t, size_t minus_words) {
        const size_t words = count_words(t.text);
        return model_.text.generate(rng_, words > minus_words + 5 ? words - minus_words : 5);
    }

    // Page starts at the same share of the text as in the real passage.
    static std::vector<size_t> page_starts(const Passage& t, const std::string& text) {
        std::vector<size_t> out;
        for (size_t s : t.page_starts) {
            size_t at = t.text.empty() ? 0 : s * text.size() / t.text.size();
            while (at > 0 && at < text.size() && text[at - 1] != ' ' && text[at - 1] != '\n') ++at;
            at = std::min(at, text.empty() ? 0 : text.size() - 1);
            if (!out.empty() && at <= out.back()) at = out.back() + 1;
            out.push_back(out.empty() ? 0 : std::min(at, text.size()));
        }
        return out;
    }

    std::string cited_minute(const CommitteeState& state) {
        return state.last_minutes.empty() ? std::to_string(1 + rng_.below(300)) : pick(rng_, state.last_minutes);
    }

    Passage replay(const Passage& t, CommitteeState& state, std::vector<std::string>& numbers) {
        const std::string pack_date = iso_from_days(pack_day_);
        const std::string minutes_date = iso_from_days(minutes_day_);
        const bool attendance = t.key.rfind("attendance/", 0) == 0;
        Passage p;
        p.type = t.type;
        p.part = t.part;
        if (t.committee) p.committee = committee_;
        p.locations.push_back(Location{file_, file_id_, t.primary().pages, false, t.primary().pack_date.empty() ? "" : pack_date});
        for (const auto& o : t.officers) p.officers.push_back(person(o, true));
        for (const auto& who : t.people) {
            const bool officer = std::find(t.officers.begin(), t.officers.end(), who) != t.officers.end();
            p.people.push_back(person(who, officer));
        }
        if (t.meeting_date) p.meeting_date = pack_date;
        if (attendance) {
            p.meeting_date = minutes_date;
            p.key = "attendance/" + slug_ + "/" + minutes_date;
            p.title = "Attendance: " + committee_ + ", " + minutes_date;
            p.text = "Chair: " + p.people.front() + "\nPresent: ";
            for (size_t i = 0; i < p.people.size(); ++i) p.text += (i ? ", " : "") + p.people[i];
        } else if (t.type == PassageType::kMinute) {
            const std::string number = std::to_string(state.next_minute++);
            numbers.push_back(number);
            p.meeting_date = minutes_date;
            p.minute = number;
            p.key = "minute/" + slug_ + "/" + minutes_date + "/" + number;
            p.title = title(t);
            p.text = p.title + "\n" + body(t, count_words(p.title));
            for (size_t i = 0; i < t.cites.size(); ++i) p.cites.push_back(cited_minute(state));
            if (t.decision) p.decision = Decision{t.decision->kind, resolution(t.decision->kind)};
        } else if (t.type == PassageType::kAction) {
            const std::string minute = cited_minute(state);
            const std::string date = state.last_minutes_date.empty() ? minutes_date : state.last_minutes_date;
            const std::string base = "action/" + slug_ + "/" + date + "/" + minute;
            p.key = base + "/" + std::to_string(++seen_actions_[base]);
            p.meeting_date = date;
            p.minute = minute;
            p.cites = {minute};
            p.status = t.status;
            p.status_text = t.status_text;
            p.title = title(t);
            const std::string officer = p.officers.empty() ? "" : p.officers.front();
            p.text = p.title + "\n" + officer + "\n" + body(t, count_words(p.title) + 2) + "\n" +
                     t.status_text.value_or("");
        } else if (t.type == PassageType::kAgenda) {
            const std::string number = t.key.substr(t.key.rfind('/') + 1);
            p.key = "agenda/" + slug_ + "/" + pack_date + "/" + number;
            p.title = title(t);
            p.text = number + ". " + p.title;
        } else {
            // Reports and pages are keyed by their file: the real key with
            // this pack's file id.
            const std::string& real_id = t.primary().file_id;
            const size_t at = t.key.find(real_id);
            p.key = at == std::string::npos ? t.key + "/" + file_id_
                                            : std::string(t.key).replace(at, real_id.size(), file_id_);
            p.text = body(t, 0);
            p.title = first_line(p.text);
        }
        p.page_starts = page_starts(t, p.text);
        return p;
    }

    const Model& model_;
    const uint64_t seed_;
    Rng rng_{0};
    std::vector<CommitteeState> states_;
    const int spacing_;
    std::string committee_, slug_, file_id_, file_;
    int pack_day_ = 0, minutes_day_ = 0;
    std::vector<std::string> councillors_;
    std::map<std::string, std::string> names_;
    std::map<std::string, int> seen_actions_;
};

// One index from the parts: documents renumbered one part after another,
// spelling frequencies summed, then synonyms and misspellings found again
// over the whole, as one writer would have.
void merge(const std::string& out, const std::vector<std::string>& parts) {
    Xapian::Database all;
    for (const auto& part : parts) all.add_database(Xapian::Database(part));
    all.compact(out, Xapian::DBCOMPACT_MULTIPASS);
    Xapian::WritableDatabase db(out, Xapian::DB_OPEN);
    rebuild_vocabulary(db, {});
    db.commit();
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) throw std::invalid_argument("Missing value after " + arg + ".");
        const std::string value = argv[++i];
        if (arg == "--model") o.model = value;
        else if (arg == "--db") o.db = value;
        else if (arg == "--passages") o.passages = std::stoul(value);
        else if (arg == "--seed") o.seed = std::stoull(value);
        else if (arg == "--batch") o.batch = std::max<size_t>(1, std::stoul(value));
        else if (arg == "--part") {
            const size_t slash = value.find('/');
            if (slash == std::string::npos) throw std::invalid_argument("--part takes K/N, e.g. 0/2.");
            o.part = std::stoul(value.substr(0, slash));
            o.parts = std::stoul(value.substr(slash + 1));
        }
        else throw std::invalid_argument("Unknown option " + arg + ".");
    }
    if (o.model.empty() || o.db.empty() || o.passages == 0 || o.parts == 0 || o.part >= o.parts) {
        throw std::invalid_argument(
            "Usage: scale_corpus --model DB --db OUT --passages N [--seed S] [--batch N] [--part K/N]");
    }
    return o;
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc > 3 && std::string(argv[1]) == "--merge") {
        merge(argv[2], {argv + 3, argv + argc});
        return 0;
    }
    const Options options = parse(argc, argv);
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    Rng rng(options.seed);
    const Model model = learn(options.model, rng);
    const size_t per_pack = std::max<size_t>(1, model.passages / model.packs.size());
    const size_t packs = options.passages / per_pack + 1;
    std::fprintf(stderr, "model: %zu passages in %zu files, %zu words of vocabulary, %zu committees\n",
                 model.passages, model.packs.size(), model.text.vocabulary(), model.committees.size());

    // Each part writes its share of the passages, part 0 the remainder.
    const size_t share = options.passages / options.parts + (options.part == 0 ? options.passages % options.parts : 0);
    IndexWriter writer(options.db);
    PackWriter packer(model, options.seed, packs / model.committees.size() + 1);
    // Passages are counted once: a pack may print an action row an earlier
    // pack printed, which the writer merges into one passage, as it does for
    // a real archive.
    std::unordered_set<uint64_t> keys;
    size_t written = 0, in_batch = 0;
    for (size_t i = 0; written < share; ++i) {
        if (packer.committee_of(i) % options.parts != options.part) continue;
        for (const Passage& p : packer.pack(i)) {
            if (written == share) break;
            writer.add(p);
            if (!keys.insert(std::hash<std::string>{}(p.key)).second) continue;
            ++written;
            if (++in_batch == options.batch) {
                writer.commit();
                in_batch = 0;
                std::fprintf(stderr, "\r%zu passages, %.0f s, %.0f passages/s   ", written, seconds(),
                             static_cast<double>(written) / seconds());
            }
        }
    }
    const double writing = seconds();
    writer.finish();
    const double total = seconds();
    std::fprintf(stderr, "\n");
    std::printf("passages: %zu\nwrite_seconds: %.1f\nvocabulary_seconds: %.1f\npassages_per_second: %.0f\n",
                written, writing, total - writing, static_cast<double>(written) / total);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "scale_corpus: " << e.what() << "\n";
    return 2;
}
