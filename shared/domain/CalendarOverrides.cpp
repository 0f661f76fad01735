#include "shared/domain/CalendarOverrides.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cstdio>
#include <tuple>

namespace kep::domain {

namespace {

using namespace std::chrono;
namespace json = boost::json;

constexpr std::int64_t kFormat = 1;

std::optional<year_month_day> parseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto number = [&](std::size_t from, std::size_t length) -> std::optional<int> {
        int value = 0;
        const char* first = text.data() + from;
        const auto [end, ec] = std::from_chars(first, first + length, value);
        if (ec != std::errc{} || end != first + length) {
            return std::nullopt;
        }
        return value;
    };
    const auto y = number(0, 4);
    const auto m = number(5, 2);
    const auto d = number(8, 2);
    if (!y || !m || !d || *m < 1 || *d < 1) {
        return std::nullopt;
    }
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)},
                              day{static_cast<unsigned>(*d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::string formatDate(const year_month_day& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

[[noreturn]] void fail(std::size_t index, std::string_view what) {
    throw CalendarFormatError("calendar overrides[" + std::to_string(index) +
                              "]: " + std::string(what));
}

std::string_view requiredString(const json::object& entry, std::string_view key,
                                std::size_t index) {
    const json::value* value = entry.if_contains(key);
    if (value == nullptr || !value->is_string()) {
        fail(index, std::string(key) + " must be a string");
    }
    const json::string& s = value->get_string();
    return {s.data(), s.size()};
}

CalendarOverride entryFromJson(const json::value& value, std::size_t index) {
    if (!value.is_object()) {
        fail(index, "must be an object");
    }
    const json::object& o = value.get_object();
    CalendarOverride entry;
    const auto date = parseDate(requiredString(o, "date", index));
    if (!date) {
        fail(index, "date must be a real date YYYY-MM-DD");
    }
    entry.date = *date;
    const std::string_view kind = requiredString(o, "kind", index);
    if (kind == "holiday") {
        entry.kind = DayKind::Holiday;
    } else if (kind == "working_day") {
        entry.kind = DayKind::WorkingDay;
    } else {
        fail(index, "kind must be \"holiday\" or \"working_day\"");
    }
    const std::string_view scope = requiredString(o, "scope", index);
    if (scope == "office") {
        entry.office = std::string(requiredString(o, "office", index));
        if (entry.office.empty()) {
            fail(index, "office must not be empty");
        }
    } else if (scope != "national") {
        fail(index, "scope must be \"national\" or \"office\"");
    }
    if (o.contains("reason")) {
        entry.reason = std::string(requiredString(o, "reason", index));
    }
    return entry;
}

auto sortKey(const CalendarOverride& e) {
    return std::make_tuple(sys_days{e.date}, std::string_view(e.office));
}

}  // namespace

CalendarOverrides CalendarOverrides::fromJson(std::string_view text) {
    boost::system::error_code ec;
    const json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
    if (ec) {
        throw CalendarFormatError("calendar overrides: not JSON (" + ec.message() + ")");
    }
    const json::object* object = root.if_object();
    if (object == nullptr) {
        throw CalendarFormatError("calendar overrides: the document must be an object");
    }
    const json::value* format = object->if_contains("format");
    if (format == nullptr || !format->is_int64() || format->get_int64() != kFormat) {
        throw CalendarFormatError("calendar overrides: unsupported or missing \"format\"");
    }
    const json::value* list = object->if_contains("overrides");
    if (list == nullptr || !list->is_array()) {
        throw CalendarFormatError("calendar overrides: \"overrides\" must be an array");
    }
    CalendarOverrides table;
    const json::array& array = list->get_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        CalendarOverride entry = entryFromJson(array[i], i);
        try {
            table.add(std::move(entry));
        } catch (const CalendarFormatError& e) {
            fail(i, e.what());
        }
    }
    return table;
}

std::string CalendarOverrides::toJson() const {
    json::array list;
    list.reserve(entries_.size());
    for (const CalendarOverride& e : entries_) {
        json::object o;
        o["date"] = formatDate(e.date);
        o["kind"] = e.kind == DayKind::Holiday ? "holiday" : "working_day";
        o["scope"] = e.isNational() ? "national" : "office";
        if (!e.isNational()) {
            o["office"] = e.office;
        }
        o["reason"] = e.reason;
        list.emplace_back(std::move(o));
    }
    json::object root;
    root["format"] = kFormat;
    root["overrides"] = std::move(list);
    return json::serialize(root);
}

void CalendarOverrides::add(CalendarOverride entry) {
    if (!entry.date.ok()) {
        throw CalendarFormatError("calendar override: invalid date");
    }
    const auto key = sortKey(entry);
    const auto it =
        std::lower_bound(entries_.begin(), entries_.end(), key,
                         [](const CalendarOverride& e, const auto& k) { return sortKey(e) < k; });
    if (it != entries_.end() && sortKey(*it) == key) {
        if (it->kind != entry.kind) {
            throw CalendarFormatError("calendar override: " + formatDate(entry.date) +
                                      " is both a holiday and a working day in one scope");
        }
        it->reason = std::move(entry.reason);
        return;
    }
    entries_.insert(it, std::move(entry));
}

std::optional<DayKind> CalendarOverrides::lookup(sys_days date, std::string_view office) const {
    const auto first = std::lower_bound(
        entries_.begin(), entries_.end(), date,
        [](const CalendarOverride& e, sys_days d) { return sys_days{e.date} < d; });
    std::optional<DayKind> national;
    for (auto it = first; it != entries_.end() && sys_days{it->date} == date; ++it) {
        if (it->isNational()) {
            national = it->kind;
        } else if (!office.empty() && it->office == office) {
            return it->kind;
        }
    }
    return national;
}

}  // namespace kep::domain
