package uz.ekommunal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's module graph (the mermaid block after "How the modules depend on each other") is
 * the poms' graph: every module's main (not test-scoped) dependency on another e-kommunal module is
 * one arrow, and there is no other arrow.
 */
class ModuleGraphTest {

    private static final Path ROOT = Path.of("..");
    private static final String GRAPH_HEADING = "How the modules depend on each other";
    private static final Pattern NODE = Pattern.compile("(\\w+)\\[([^\\]<]+)");
    private static final Pattern EDGE = Pattern.compile(
            "^\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*(?:--\\s*\"[^\"]*\"\\s*)?-->\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*$");

    @Test
    void theReadmesModuleGraphIsThePoms() throws Exception {
        Set<String> poms = pomArrows();
        assertThat(poms).as("the poms' arrows were read").contains("citizen-api --> billing", "app --> citizen-api");

        assertThat(differences(poms, readmeArrows(readme()))).isEmpty();
    }

    @Test
    void aMissingArrowIsNoticed() throws Exception {
        String readme = readme();
        String withoutArrow = readme.replaceFirst("\n\\s*API --> TE\\s*\n", "\n");
        assertThat(withoutArrow).as("the README has the arrow to remove").isNotEqualTo(readme);

        assertThat(differences(pomArrows(), readmeArrows(withoutArrow)))
                .containsExactly("in the poms, not in the README: citizen-api --> tariff-engine");
    }

    @Test
    void anArrowNoPomHasIsNoticed() throws Exception {
        String readme = readme();
        String withArrow = readme.replaceFirst("```mermaid\nflowchart BT\n", "```mermaid\nflowchart BT\n    TE --> GW\n");
        assertThat(withArrow).isNotEqualTo(readme);

        assertThat(differences(pomArrows(), readmeArrows(withArrow)))
                .containsExactly("in the README, not in the poms: tariff-engine --> meter-gateway");
    }

    private static List<String> differences(Set<String> poms, Set<String> readme) {
        List<String> out = new ArrayList<>();
        for (String arrow : poms) {
            if (!readme.contains(arrow)) {
                out.add("in the poms, not in the README: " + arrow);
            }
        }
        for (String arrow : readme) {
            if (!poms.contains(arrow)) {
                out.add("in the README, not in the poms: " + arrow);
            }
        }
        return out;
    }

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** "module --> module" for each arrow of the graph, nodes named by their labels' first word. */
    static Set<String> readmeArrows(String readme) {
        int heading = readme.indexOf(GRAPH_HEADING);
        assertThat(heading).as("README section: " + GRAPH_HEADING).isNotNegative();
        int start = readme.indexOf("```mermaid", heading);
        int end = readme.indexOf("```", start + 3);
        String graph = readme.substring(start, end);
        Map<String, String> names = new HashMap<>();
        Matcher node = NODE.matcher(graph);
        while (node.find()) {
            names.put(node.group(1), node.group(2).strip());
        }
        Set<String> arrows = new TreeSet<>();
        for (String line : graph.split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.matches()) {
                arrows.add(name(names, edge.group(1)) + " --> " + name(names, edge.group(2)));
            }
        }
        return arrows;
    }

    private static String name(Map<String, String> names, String id) {
        assertThat(names).as("the graph names node " + id).containsKey(id);
        return names.get(id);
    }

    /** Every module of the build (the bench profile's too) and its main dependencies on the others. */
    static Set<String> pomArrows() throws Exception {
        Set<String> arrows = new TreeSet<>();
        NodeList modules = parse(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            Document pom = parse(ROOT.resolve(module).resolve("pom.xml"));
            for (Element dependency : dependencies(pom)) {
                String scope = text(dependency, "scope");
                String type = text(dependency, "type");
                if ("uz.ekommunal".equals(text(dependency, "groupId"))
                        && (scope == null || scope.equals("compile") || scope.equals("runtime"))
                        && (type == null || type.equals("jar"))) {
                    arrows.add(module + " --> " + text(dependency, "artifactId"));
                }
            }
        }
        return arrows;
    }

    /** The project's own dependencies, not those of its dependencyManagement or plugins. */
    private static List<Element> dependencies(Document pom) {
        List<Element> out = new ArrayList<>();
        for (Node child = pom.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals("dependencies")) {
                NodeList list = e.getElementsByTagName("dependency");
                for (int i = 0; i < list.getLength(); i++) {
                    out.add((Element) list.item(i));
                }
            }
        }
        return out;
    }

    private static String text(Element dependency, String tag) {
        for (Node child = dependency.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }
}
