import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finishes the built site: reads every page, writes {@code search-index.js} (each section's page,
 * title and text, for the offline search in the sidebar), and puts into every page the course's
 * sidebar (every page in the course's order, each with its sections) and links to the previous
 * and the next page with their titles. Nothing is fetched and nothing runs on a server.
 *
 * <p>Usage: {@code java SiteIndex.java SITE_FOLDER PAGE...}, the pages in the course's order.
 * Exits 1 when a page of the site is not in that order, or one in it was not built.
 */
public final class SiteIndex {

    private static final Pattern TITLE = Pattern.compile("<h1>(.*?)</h1>", Pattern.DOTALL);
    private static final Pattern SECTION = Pattern.compile("<h([23]) id=\"([^\"]+)\">(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TOC = Pattern.compile("<div id=\"toc\" class=\"toc2\">.*?</ul>\\s*</div>", Pattern.DOTALL);
    private static final String MARKER = "<!-- course sidebar -->";

    record Section(int level, String id, String title, String text) {}

    record Page(String file, String title, List<Section> sections) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java SiteIndex.java SITE_FOLDER PAGE...");
            System.exit(1);
        }
        Path site = Path.of(args[0]);
        var order = List.of(args).subList(1, args.length);
        List<String> built;
        try (Stream<Path> files = Files.list(site)) {
            built = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".html")).sorted().toList();
        }
        for (String name : built) {
            if (!order.contains(name)) {
                fail(name + " is built but has no place in the course's order (docs/pom.xml, SiteIndex's arguments)");
            }
        }
        var pages = new ArrayList<Page>();
        for (String name : order) {
            Path file = site.resolve(name);
            if (!Files.isRegularFile(file)) {
                fail(name + " is in the course's order but was not built");
            }
            pages.add(read(name, Files.readString(file, UTF_8)));
        }
        Files.writeString(site.resolve("search-index.js"), searchIndex(pages), UTF_8);
        for (int i = 0; i < pages.size(); i++) {
            Path file = site.resolve(pages.get(i).file());
            String html = Files.readString(file, UTF_8);
            Files.writeString(file, finish(html, pages, i), UTF_8);
        }
        System.out.println("indexed " + pages.size() + " pages, "
                + pages.stream().mapToInt(page -> page.sections().size()).sum() + " sections, in " + site);
    }

    private static void fail(String why) {
        System.err.println("cannot index the site: " + why);
        System.exit(1);
    }

    static Page read(String name, String html) {
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            fail(name + " has no <h1> title");
        }
        int start = html.indexOf("<div id=\"content\">");
        int end = html.indexOf("<div id=\"footer\">");
        String content = html.substring(start < 0 ? 0 : start, end < 0 ? html.length() : end)
                .replaceAll("(?s)<details>\\s*<summary class=\"title\">The stub's code.*?</details>", "");
        var sections = new ArrayList<Section>();
        Matcher heading = SECTION.matcher(content);
        var headings = new ArrayList<int[]>();
        var found = new ArrayList<String[]>();
        while (heading.find()) {
            headings.add(new int[] {heading.start(), heading.end()});
            found.add(new String[] {heading.group(1), heading.group(2), text(heading.group(3))});
        }
        String intro = text(content.substring(0, headings.isEmpty() ? content.length() : headings.get(0)[0]));
        sections.add(new Section(1, "", text(title.group(1)), intro));
        for (int i = 0; i < headings.size(); i++) {
            int to = i + 1 < headings.size() ? headings.get(i + 1)[0] : content.length();
            String[] h = found.get(i);
            sections.add(new Section(Integer.parseInt(h[0]), h[1], h[2], text(content.substring(headings.get(i)[1], to))));
        }
        return new Page(name, text(title.group(1)), sections);
    }

    /** Text as a reader sees it: no tags, no scripts, entities decoded, white space collapsed. */
    static String text(String html) {
        String text = html.replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ");
        var decoded = new StringBuilder();
        Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|amp|lt|gt|quot|apos|nbsp);").matcher(text);
        while (entity.find()) {
            String name = entity.group(1);
            String character = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
            };
            entity.appendReplacement(decoded, Matcher.quoteReplacement(character));
        }
        entity.appendTail(decoded);
        return decoded.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    static String searchIndex(List<Page> pages) {
        var js = new StringBuilder("// Written by docs/src/build/SiteIndex.java from the built pages: the offline search's index.\n");
        js.append("window.COURSE_SEARCH_INDEX = [\n");
        for (Page page : pages) {
            for (Section section : page.sections()) {
                js.append("  {page: ").append(string(page.file())).append(", pageTitle: ").append(string(page.title()))
                        .append(", id: ").append(string(section.id())).append(", title: ").append(string(section.title()))
                        .append(", text: ").append(string(section.text())).append("},\n");
            }
        }
        return js.append("];\n").toString();
    }

    private static String string(String text) {
        var quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '<' -> quoted.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page with the course's sidebar in place of its own table of contents, and previous/next links. */
    static String finish(String html, List<Page> pages, int current) {
        if (html.contains(MARKER)) {
            fail(pages.get(current).file() + " was finished already: build the site again");
        }
        var sidebar = new StringBuilder("<div id=\"toc\" class=\"toc2\">").append(MARKER).append('\n');
        sidebar.append("<div class=\"site-search\" role=\"search\">\n")
                .append("<label for=\"site-search-input\">Search the course</label>\n")
                .append("<input id=\"site-search-input\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\"")
                .append(" placeholder=\"half-close, RST, backlog\" aria-describedby=\"site-search-status\">\n")
                .append("<p id=\"site-search-status\" class=\"search-status\" aria-live=\"polite\"></p>\n")
                .append("<ul class=\"search-results\" id=\"site-search-results\"></ul>\n</div>\n");
        sidebar.append("<details class=\"course-nav\" open><summary>The course: every page</summary>\n")
                .append("<nav aria-label=\"The course\"><ul>\n");
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            sidebar.append("<li><a href=\"").append(page.file()).append('"')
                    .append(i == current ? " class=\"current\" aria-current=\"page\"" : "").append('>')
                    .append(escape(page.title())).append("</a>");
            var sections = page.sections().stream().filter(section -> section.level() == 2).toList();
            if (!sections.isEmpty() && (page.file().startsWith("lesson") || i == current)) {
                sidebar.append("<ul>");
                for (Section section : sections) {
                    sidebar.append("<li><a href=\"").append(page.file()).append('#').append(section.id()).append("\">")
                            .append(escape(section.title())).append("</a></li>");
                }
                sidebar.append("</ul>");
            }
            sidebar.append("</li>\n");
        }
        sidebar.append("</ul></nav></details>\n</div>");
        Matcher toc = TOC.matcher(html);
        String finished;
        if (toc.find()) {
            finished = html.substring(0, toc.start()) + sidebar + html.substring(toc.end());
        } else {
            // A page without sections has no table of contents: the sidebar goes first in its body.
            Matcher body = Pattern.compile("<body class=\"([^\"]*)\">").matcher(html);
            if (!body.find()) {
                fail(pages.get(current).file() + " has no <body class=...> to put the course's sidebar in");
            }
            finished = html.substring(0, body.start()) + "<body class=\"" + body.group(1) + " toc2 toc-left\">\n"
                    + sidebar + html.substring(body.end());
        }

        var nav = new StringBuilder("<nav class=\"page-nav\" aria-label=\"Previous and next\">\n");
        if (current > 0) {
            Page previous = pages.get(current - 1);
            nav.append("<a class=\"previous\" href=\"").append(previous.file()).append("\" rel=\"prev\">")
                    .append("<span class=\"direction\">Previous</span>").append(escape(previous.title())).append("</a>\n");
        }
        if (current + 1 < pages.size()) {
            Page next = pages.get(current + 1);
            nav.append("<a class=\"next\" href=\"").append(next.file()).append("\" rel=\"next\">")
                    .append("<span class=\"direction\">Next</span>").append(escape(next.title())).append("</a>\n");
        }
        nav.append("</nav>\n");
        int footer = finished.indexOf("<div id=\"footer\">");
        if (footer < 0) {
            fail(pages.get(current).file() + " has no footer to put the previous and next links before");
        }
        return finished.substring(0, footer) + nav + finished.substring(footer);
    }
}
