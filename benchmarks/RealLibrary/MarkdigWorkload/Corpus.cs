using System.Globalization;
using System.Text;

namespace MarkdigWorkload;

/// <summary>
/// A deterministic corpus of Markdown documents (the same bytes on every run and machine): headings,
/// paragraphs with emphasis, code spans, links, images and footnotes, nested lists and task lists,
/// fenced and indented code, pipe tables, block quotes, definition lists, custom containers,
/// math and attributes, in proportions like those of a documentation site.
/// </summary>
public static class Corpus
{
    private static readonly string[] Words =
    [
        "profile", "sample", "thread", "stack", "frame", "method", "marker", "weave", "runtime", "buffer",
        "the", "a", "of", "to", "and", "in", "is", "for", "with", "that", "on", "by", "each", "every",
        "parser", "render", "block", "inline", "table", "header", "column", "row", "list", "item",
        "quote", "code", "link", "image", "footnote", "heading", "paragraph", "emphasis", "strong",
        "measure", "overhead", "ratio", "median", "round", "build", "plain", "woven", "release",
        "allocation", "collector", "pause", "clock", "tick", "rate", "deterministic", "sampling",
        "function", "caller", "callee", "share", "interval", "count", "time", "cost", "call", "return",
        "document", "section", "value", "option", "command", "output", "input", "file", "folder", "path",
        "fast", "slow", "small", "large", "exact", "rough", "first", "last", "next", "previous",
    ];

    private static readonly string[] Languages = ["csharp", "sh", "json", "xml", "text", "python"];

    /// <summary><paramref name="documents"/> documents of about <paramref name="sectionsPerDocument"/> sections each.</summary>
    public static string[] Generate(int documents, int sectionsPerDocument)
    {
        var random = new Xorshift(0x5EED_1234_ABCDUL);
        var result = new string[documents];
        for (int d = 0; d < documents; d++)
        {
            var text = new StringBuilder();
            var writer = new Writer(text, random);
            writer.Document(d, sectionsPerDocument);
            result[d] = text.ToString();
        }
        return result;
    }

    /// <summary>A fixed pseudo-random sequence (System.Random's seeded algorithm is not promised to stay).</summary>
    private sealed class Xorshift(ulong state)
    {
        public int Next(int bound)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return (int)(state % (ulong)bound);
        }

        public bool Chance(int percent) => Next(100) < percent;
    }

    private sealed class Writer(StringBuilder text, Xorshift random)
    {
        private int _footnotes;

        public void Document(int index, int sections)
        {
            text.Append("# Document ").Append(index).Append(": ").Append(Title()).Append("\n\n");
            Paragraph();
            for (int s = 0; s < sections; s++)
            {
                if (random.Chance(20))
                {
                    // A setext heading now and then.
                    string title = Title();
                    text.Append(title).Append('\n').Append('-', title.Length).Append("\n\n");
                }
                else
                {
                    text.Append(random.Chance(70) ? "## " : "### ").Append(Title());
                    if (random.Chance(15))
                    {
                        text.Append(" {#section-").Append(index).Append('-').Append(s).Append(" .note}");
                    }
                    text.Append("\n\n");
                }
                int blocks = 3 + random.Next(5);
                for (int b = 0; b < blocks; b++)
                {
                    Block();
                }
            }
            for (int f = 1; f <= _footnotes; f++)
            {
                text.Append("[^").Append(f).Append("]: ").Append(Sentence()).Append('\n');
            }
            text.Append("\n*[HTML]: Hyper Text Markup Language\n");
        }

        private void Block()
        {
            switch (random.Next(20))
            {
                case < 7: Paragraph(); break;
                case < 9: List(0, ordered: false); text.Append('\n'); break;
                case 9: List(0, ordered: true); text.Append('\n'); break;
                case 10: TaskList(); break;
                case 11: FencedCode(); break;
                case 12: IndentedCode(); break;
                case 13: case 14: Table(); break;
                case 15: Quote(); break;
                case 16: DefinitionList(); break;
                case 17: Container(); break;
                case 18: Math(); break;
                default: Paragraph(); break;
            }
        }

        private string Word() => Words[random.Next(Words.Length)];

        private string Title()
        {
            var title = new StringBuilder();
            int n = 2 + random.Next(4);
            for (int i = 0; i < n; i++)
            {
                string word = Word();
                if (i > 0)
                {
                    title.Append(' ');
                }
                title.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            }
            return title.ToString();
        }

        private string Sentence()
        {
            var sentence = new StringBuilder();
            int n = 6 + random.Next(14);
            for (int i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    sentence.Append(' ');
                }
                Inline(sentence, i == 0);
            }
            return sentence.Append('.').ToString();
        }

        private void Inline(StringBuilder sentence, bool first)
        {
            string word = Word();
            if (first)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }
            switch (random.Next(40))
            {
                case 0: case 1: sentence.Append('*').Append(word).Append('*'); break;
                case 2: case 3: sentence.Append("**").Append(word).Append(' ').Append(Word()).Append("**"); break;
                case 4: case 5: sentence.Append('`').Append(word).Append("()`"); break;
                case 6: sentence.Append('[').Append(word).Append(' ').Append(Word()).Append("](https://example.org/").Append(Word()).Append('/').Append(random.Next(1000)).Append(')'); break;
                case 7: sentence.Append('[').Append(word).Append("](../docs/").Append(Word()).Append(".md#").Append(Word()).Append(" \"").Append(Word()).Append("\")"); break;
                case 8: sentence.Append("~~").Append(word).Append("~~"); break;
                case 9: sentence.Append("![").Append(word).Append("](images/").Append(Word()).Append(".png)"); break;
                case 10: sentence.Append(word).Append("[^").Append(++_footnotes).Append(']'); break;
                case 11: sentence.Append("<https://example.com/").Append(word).Append('>'); break;
                case 12: sentence.Append(word).Append(" &amp; HTML"); break;
                case 13: sentence.Append('$').Append(word[0]).Append("^2$"); break;
                case 14: sentence.Append(word).Append(' ').Append(random.Next(100_000).ToString(CultureInfo.InvariantCulture)).Append(" ms"); break;
                case 15: sentence.Append("_").Append(word).Append("_,"); break;
                case 16: sentence.Append("<kbd>").Append(word).Append("</kbd>"); break;
                default: sentence.Append(word); break;
            }
        }

        private void Paragraph()
        {
            int n = 2 + random.Next(5);
            for (int i = 0; i < n; i++)
            {
                text.Append(Sentence());
                text.Append(random.Chance(30) ? '\n' : ' ');
            }
            text.Append("\n\n");
        }

        private void List(int depth, bool ordered)
        {
            int n = 2 + random.Next(5);
            string indent = new(' ', depth * (ordered ? 3 : 2));
            for (int i = 0; i < n; i++)
            {
                text.Append(indent).Append(ordered ? (i + 1).ToString(CultureInfo.InvariantCulture) + ". " : "- ").Append(Sentence()).Append('\n');
                if (depth < 2 && random.Chance(20))
                {
                    List(depth + 1, random.Chance(30));
                }
            }
        }

        private void TaskList()
        {
            int n = 2 + random.Next(5);
            for (int i = 0; i < n; i++)
            {
                text.Append(random.Chance(50) ? "- [x] " : "- [ ] ").Append(Sentence()).Append('\n');
            }
            text.Append('\n');
        }

        private void FencedCode()
        {
            text.Append("```").Append(Languages[random.Next(Languages.Length)]).Append('\n');
            int n = 3 + random.Next(12);
            for (int i = 0; i < n; i++)
            {
                text.Append(' ', 4 * random.Next(3)).Append(Word()).Append('.').Append(Word()).Append('(')
                    .Append(random.Next(100)).Append(", \"").Append(Word()).Append("\"); // ").Append(Word()).Append(" < ").Append(Word()).Append('\n');
            }
            text.Append("```\n\n");
        }

        private void IndentedCode()
        {
            int n = 2 + random.Next(6);
            for (int i = 0; i < n; i++)
            {
                text.Append("    ").Append(Word()).Append(" = ").Append(random.Next(10_000)).Append(";\n");
            }
            text.Append('\n');
        }

        private void Table()
        {
            int columns = 2 + random.Next(4);
            int rows = 2 + random.Next(10);
            text.Append('|');
            for (int c = 0; c < columns; c++)
            {
                text.Append(' ').Append(Title()).Append(" |");
            }
            text.Append("\n|");
            for (int c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? " --- |" : random.Chance(50) ? " ---: |" : " :---: |");
            }
            text.Append('\n');
            for (int r = 0; r < rows; r++)
            {
                text.Append('|');
                for (int c = 0; c < columns; c++)
                {
                    text.Append(' ');
                    if (c == 0)
                    {
                        text.Append('`').Append(Word()).Append('`');
                    }
                    else if (random.Chance(50))
                    {
                        text.Append((random.Next(100_000) / 100.0).ToString(CultureInfo.InvariantCulture)).Append(" ms");
                    }
                    else
                    {
                        var cell = new StringBuilder();
                        Inline(cell, false);
                        text.Append(cell);
                    }
                    text.Append(" |");
                }
                text.Append('\n');
            }
            text.Append('\n');
        }

        private void Quote()
        {
            int n = 1 + random.Next(3);
            for (int i = 0; i < n; i++)
            {
                text.Append("> ").Append(Sentence()).Append(' ').Append(Sentence()).Append('\n');
                if (random.Chance(25))
                {
                    text.Append(">> ").Append(Sentence()).Append('\n');
                }
                if (i < n - 1)
                {
                    text.Append(">\n");
                }
            }
            text.Append('\n');
        }

        private void DefinitionList()
        {
            int n = 1 + random.Next(3);
            for (int i = 0; i < n; i++)
            {
                text.Append(Title()).Append("\n:   ").Append(Sentence()).Append("\n\n");
            }
        }

        private void Container()
        {
            text.Append(":::").Append(random.Chance(50) ? "warning" : "tip").Append('\n').Append(Sentence()).Append(' ').Append(Sentence()).Append("\n:::\n\n");
        }

        private void Math()
        {
            text.Append("$$\n").Append(Word()[0]).Append(" = \\sum_{i=0}^{n} ").Append(Word()[0]).Append("_i^2\n$$\n\n");
        }
    }
}
