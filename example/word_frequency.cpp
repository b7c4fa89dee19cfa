// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Word frequency of a text file: lines counted in parallel into one map per piece, maps merged.
#include "example_options.hpp"

#include <fastiter/fastiter.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace fi = fastiter;
namespace po = boost::program_options;

using counts = std::map<std::string, long>;

// Adds the words of one line (letters only, lower-cased) to a piece's counts.
counts add_words(counts acc, const std::string& line)
{
    std::string word;
    for (char c : line + ' ') {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            word += char(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            ++acc[word];
            word.clear();
        }
    }
    return acc;
}

counts merge(counts left, const counts& right)
{
    for (const auto& [word, n] : right)
        left[word] += n;
    return left;
}

int main(int argc, char** argv)
{
    std::string path;
    std::size_t top = 10;
    po::options_description options("word_frequency: the most frequent words of a text file");
    options.add_options()("file", po::value(&path)->required(), "the text file to read")(
        "top", po::value(&top)->default_value(top), "how many words to print");
    po::positional_options_description positional;
    positional.add("file", 1);
    if (const auto exit_status = example::parse_command_line(argc, argv, options, positional))
        return *exit_status;

    std::ifstream in(path);
    if (!in) {
        std::cerr << "word_frequency: cannot open " << path << '\n';
        return 1;
    }
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(std::move(line));

    // fold gives one map per piece of the split; reduce merges them in order.
    const counts total = fi::into_par_iter(lines).fold(counts{}, add_words).reduce(counts{}, merge);

    std::vector<std::pair<std::string, long>> ranked(total.begin(), total.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    ranked.resize(std::min(top, ranked.size()));
    for (const auto& [word, n] : ranked)
        std::cout << n << '\t' << word << '\n';
}
