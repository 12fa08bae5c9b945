// The one error type of rupa's input side: what is wrong, where, and what to do about it.
// Thrown at the boundary that finds the problem and caught once, in cli/. One SpecError may
// carry several problems (every mistake of a spec, in file order), so that an admin fixes
// them in one go; its what() is one line per problem.
#pragma once

#include "spec/source_mark.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace rupa {

// One problem: "FILE:LINE:COL: error: WHAT (HINT)".
struct SpecProblem {
    SourceMark where;
    std::string what;
    std::string hint;

    std::string to_string() const {
        std::string text = where.to_string() + ": error: " + what;
        if (!hint.empty()) text += " (" + hint + ")";
        return text;
    }
};

class SpecError : public std::runtime_error {
public:
    // One run reports up to 20 errors (PRODUCT.md, "Bad input").
    static constexpr size_t kMaxReported = 20;

    SpecError(SourceMark where, std::string what, std::string hint = {})
        : SpecError(std::vector<SpecProblem>{{std::move(where), std::move(what), std::move(hint)}}) {}
    // Several problems, reported in the order given; never empty.
    explicit SpecError(std::vector<SpecProblem> problems)
        : std::runtime_error(lines(problems)), problems_(std::move(problems)) {}

    // The first problem.
    const SourceMark& where() const { return problems_.front().where; }
    const std::string& problem() const { return problems_.front().what; }
    const std::string& hint() const { return problems_.front().hint; }
    const std::vector<SpecProblem>& problems() const { return problems_; }

private:
    // One line per problem, at most kMaxReported; past that, a last line says how many more.
    static std::string lines(const std::vector<SpecProblem>& problems) {
        std::string text;
        for (size_t i = 0; i < problems.size() && i < kMaxReported; ++i) {
            if (!text.empty()) text += '\n';
            text += problems[i].to_string();
        }
        if (problems.size() > kMaxReported) {
            size_t more = problems.size() - kMaxReported;
            SourceMark file{problems.front().where.file, 0, 0};
            text += '\n' + SpecProblem{file, std::to_string(more) + " more " + (more == 1 ? "error" : "errors") +
                                                 " not shown",
                                        "fix these, then run again"}
                               .to_string();
        }
        return text;
    }

    std::vector<SpecProblem> problems_;
};

// Gathers the problems of one input instead of stopping at the first: each check runs in
// attempt(), and throw_if_any() reports them all, in file order.
class SpecProblems {
public:
    // Runs `check`; a SpecError it throws is kept. True when it threw nothing.
    template <class Check>
    bool attempt(Check&& check) {
        try {
            check();
            return true;
        } catch (const SpecError& e) {
            add_all(e);
            return false;
        }
    }

    void add(SpecProblem problem) { problems_.push_back(std::move(problem)); }
    void add_all(const SpecError& e) {
        problems_.insert(problems_.end(), e.problems().begin(), e.problems().end());
    }
    bool empty() const { return problems_.empty(); }

    // Problems of one file in line and column order (a whole-file problem first); files in
    // the order they were first met.
    void throw_if_any() const {
        if (problems_.empty()) return;
        std::vector<std::string> files;
        for (const auto& p : problems_)
            if (std::find(files.begin(), files.end(), p.where.file) == files.end()) files.push_back(p.where.file);
        std::vector<SpecProblem> sorted = problems_;
        auto rank = [&](const SpecProblem& p) {
            size_t file = size_t(std::find(files.begin(), files.end(), p.where.file) - files.begin());
            return std::tuple(file, p.where.line, p.where.column);
        };
        std::stable_sort(sorted.begin(), sorted.end(),
                         [&](const SpecProblem& a, const SpecProblem& b) { return rank(a) < rank(b); });
        sorted.erase(std::unique(sorted.begin(), sorted.end(),
                                 [](const SpecProblem& a, const SpecProblem& b) {
                                     return a.to_string() == b.to_string();
                                 }),
                     sorted.end());
        throw SpecError(std::move(sorted));
    }

private:
    std::vector<SpecProblem> problems_;
};

}  // namespace rupa
