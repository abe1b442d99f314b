package dev.reelforge.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conventions of template.yaml that cfn-lint does not check. Jackson's YAML parser reads CloudFormation's
 * short-form tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, {@code !If}) as plain scalars and sequences, which
 * keeps every IAM action and substitution key visible.
 */
class TemplateTest {
    private static final Path ROOT = Path.of("../../..");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final String LIGHT_PACKAGE = "functions/handlers";
    private static final String MEDIA_PACKAGE = "functions/handlers-media";
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = new ObjectMapper(new YAMLFactory())
                .readTree(ROOT.resolve("template.yaml").toFile());
    }

    @Test
    void allowStatements_nameNoWildcardAction() {
        List<String> wildcards = new ArrayList<>();
        List<JsonNode> statements = new ArrayList<>();
        collectStatements(template.path("Resources"), statements);
        for (JsonNode statement : statements) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            JsonNode actions = statement.path("Action");
            for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
                if (action.asText().contains("*")) {
                    wildcards.add(action.asText());
                }
            }
        }
        assertThat(statements).as("IAM statements found").hasSizeGreaterThan(20);
        assertThat(wildcards).as("Allow actions with a wildcard").isEmpty();
    }

    @Test
    void functions_useNoSamPolicyTemplatesOrManagedPolicies() {
        List<String> opaque = new ArrayList<>();
        forEachResource("AWS::Serverless::Function", (name, properties) -> {
            for (JsonNode policy : properties.path("Policies")) {
                if (!policy.has("Statement")) {
                    opaque.add(name + ": " + policy);
                }
            }
        });
        assertThat(opaque).as("policies whose actions this test cannot see").isEmpty();
    }

    @Test
    void stateMachines_provideEverySubstitutionTheirDefinitionUses() {
        Map<String, Set<String>> usedByMachine = new TreeMap<>();
        forEachResource("AWS::Serverless::StateMachine", (name, properties) -> {
            Path definition = ROOT.resolve(properties.path("DefinitionUri").asText());
            Set<String> used = new TreeSet<>();
            try {
                Matcher m = VARIABLE.matcher(Files.readString(definition));
                while (m.find()) {
                    used.add(m.group(1));
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + definition, e);
            }
            Set<String> provided = new TreeSet<>();
            properties.path("DefinitionSubstitutions").fieldNames().forEachRemaining(provided::add);
            assertThat(provided).as("%s substitutions for %s", name, definition).containsAll(used);
            usedByMachine.put(name, used);
        });
        assertThat(usedByMachine).containsOnlyKeys("RenderStateMachine", "BatchStateMachine");
        usedByMachine.forEach((name, used) -> assertThat(used)
                .as("%s's definition takes its ARNs from DefinitionSubstitutions", name)
                .isNotEmpty());
    }

    @Test
    void lightFunctions_useSnapStartAndTheStateMachineInvokesAliases() {
        JsonNode globals = template.path("Globals").path("Function");
        assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.path("AutoPublishAlias").asText()).isEqualTo("live");
        List<String> withoutSnapStart = new ArrayList<>();
        forEachResource("AWS::Serverless::Function", (name, properties) -> {
            assertThat(properties.path("Handler").asText())
                    .matches("dev\\.reelforge\\.handlers\\.(media\\.)?[A-Za-z]+Handler::handleRequest");
            if (!"PublishedVersions"
                    .equals(properties.path("SnapStart").path("ApplyOn").asText())) {
                withoutSnapStart.add(name);
            }
        });
        assertThat(withoutSnapStart)
                .as("only the FFmpeg functions (ephemeral storage > 512 MB) skip SnapStart")
                .containsExactlyInAnyOrder("ReviewScoreFunction", "RecutFunction");
        JsonNode render = template.path("Resources")
                .path("RenderStateMachine")
                .path("Properties")
                .path("DefinitionSubstitutions");
        assertThat(render.path("ValidateFunctionArn").asText()).isEqualTo("ValidateFunction.Alias");
        render.fields().forEachRemaining(e -> {
            if (e.getKey().endsWith("FunctionArn")) {
                List<String> aliases = new ArrayList<>();
                if (e.getValue().isArray()) {
                    assertThat(e.getValue().get(0).asText()).as(e.getKey()).isEqualTo("IsAnimatic");
                    aliases.add(e.getValue().get(1).asText());
                    aliases.add(e.getValue().get(2).asText());
                } else {
                    aliases.add(e.getValue().asText());
                }
                assertThat(aliases).as(e.getKey()).allMatch(alias -> alias.endsWith("Function.Alias"));
            }
        });
    }

    @Test
    void functions_onlyThoseThatNeedFfmpegUseTheMediaPackage() {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        forEachResource(
                "AWS::Serverless::Function",
                (name, properties) -> byPackage
                        .computeIfAbsent(codeUri(properties), uri -> new TreeSet<>())
                        .add(name));

        assertThat(byPackage).containsOnlyKeys(LIGHT_PACKAGE, MEDIA_PACKAGE);
        assertThat(byPackage.get(LIGHT_PACKAGE))
                .containsExactlyInAnyOrder(
                        "ValidateFunction",
                        "SubmitFunction",
                        "PollFunction",
                        "PostProcessFunction",
                        "FinalizeFunction",
                        "RecordFailureFunction",
                        "ApprovalFunction",
                        "WebhookFunction",
                        "IngestFunction",
                        "LifecycleRefreshFunction");
        assertThat(byPackage.get(MEDIA_PACKAGE))
                .containsExactlyInAnyOrder(
                        "ReviewScoreFunction", "RecutFunction", "SubmitAnimaticFunction", "PollAnimaticFunction");
        assertThat(function("ReviewScoreFunction").path("Handler").asText())
                .startsWith("dev.reelforge.handlers.media.");
        assertThat(function("RecutFunction").path("Handler").asText()).startsWith("dev.reelforge.handlers.media.");
    }

    @Test
    void functions_eachHasABuildTargetInItsPackageMakefile() throws IOException {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        forEachResource(
                "AWS::Serverless::Function",
                (name, properties) -> byPackage
                        .computeIfAbsent(codeUri(properties), uri -> new TreeSet<>())
                        .add(name));
        for (Map.Entry<String, Set<String>> entry : byPackage.entrySet()) {
            Matcher listed = Pattern.compile("(?m)^FUNCTIONS := (.+)$")
                    .matcher(Files.readString(ROOT.resolve(entry.getKey()).resolve("Makefile")));
            assertThat(listed.find())
                    .as("FUNCTIONS in %s/Makefile", entry.getKey())
                    .isTrue();
            Set<String> targets = new TreeSet<>();
            for (String function : listed.group(1).trim().split("\\s+")) {
                targets.add(function + "Function");
            }
            assertThat(targets)
                    .as("build targets of %s/Makefile", entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @Test
    void animaticTwins_matchTheirLightFunction_plusWhatTheAnimaticNeeds() {
        JsonNode conditions = template.path("Conditions");
        assertThat(conditions.path("IsAnimatic").toString()).isEqualTo("[\"Provider\",\"animatic\"]");
        assertThat(conditions.path("IsHostedProvider").toString()).isEqualTo("[\"IsAnimatic\"]");
        assertThat(template.path("Globals")
                        .path("Function")
                        .path("Environment")
                        .path("Variables")
                        .path("REELFORGE_ANIMATIC_ENABLED")
                        .toString())
                .isEqualTo("[\"IsAnimatic\",\"true\",\"false\"]");
        for (String state : List.of("Submit", "Poll")) {
            JsonNode light = template.path("Resources").path(state + "Function");
            JsonNode twin = template.path("Resources").path(state + "AnimaticFunction");
            assertThat(light.path("Condition").asText()).isEqualTo("IsHostedProvider");
            assertThat(twin.path("Condition").asText()).isEqualTo("IsAnimatic");
            for (String property : List.of("Description", "Handler", "SnapStart", "LoggingConfig")) {
                assertThat(twin.path("Properties").path(property))
                        .as(state + " " + property)
                        .isEqualTo(light.path("Properties").path(property));
            }
            List<JsonNode> lightStatements = unconditional(light);
            List<JsonNode> twinStatements = unconditional(twin);
            assertThat(twinStatements)
                    .as(state + "AnimaticFunction keeps the light function's own statements")
                    .containsAll(lightStatements);
            List<JsonNode> extra = new ArrayList<>(twinStatements);
            extra.removeAll(lightStatements);
            assertThat(extra)
                    .as(state + "AnimaticFunction's extra statements")
                    .allSatisfy(
                            statement -> assertThat(statement.path("Resource").toString())
                                    .matches(".*(provider-output/animatic/\\*|ClipsBucket\\.Arn).*"));
            assertThat(extra.stream().map(st -> st.path("Action").toString())).contains("\"s3:ListBucket\"");
            assertThat(twin.path("Properties").path("Policies").toString())
                    .doesNotContain("bedrock")
                    .doesNotContain("ProviderSecretArn");
        }
        JsonNode submit =
                template.path("Resources").path("SubmitAnimaticFunction").path("Properties");
        assertThat(submit.path("Timeout").asInt())
                .as("the animatic renders during Submit")
                .isGreaterThanOrEqualTo(600);
        assertThat(submit.path("MemorySize").asInt())
                .as("Lambda CPU grows with memory")
                .isGreaterThanOrEqualTo(3008);
    }

    /** The statements of a function's inline policy that apply whatever the parameters (no Fn::If). */
    private static List<JsonNode> unconditional(JsonNode function) {
        List<JsonNode> statements = new ArrayList<>();
        function.path("Properties")
                .path("Policies")
                .forEach(policy -> policy.path("Statement").forEach(statement -> {
                    if (statement.has("Effect")) {
                        statements.add(statement);
                    }
                }));
        return statements;
    }

    @Test
    void reviewScore_visualJudgeIsOffByDefault_andConfiguredFromTheReviewParameters() {
        JsonNode mode = template.path("Parameters").path("JudgeMode");
        assertThat(mode.path("Default").asText()).isEqualTo("off");
        assertThat(mode.path("AllowedValues").toString()).isEqualTo("[\"off\",\"advisory\",\"binding\"]");
        JsonNode variables = template.path("Resources")
                .path("ReviewScoreFunction")
                .path("Properties")
                .path("Environment")
                .path("Variables");
        assertThat(variables.path("REELFORGE_JUDGE_MODE").asText()).isEqualTo("JudgeMode");
        assertThat(variables.path("REELFORGE_JUDGE_BASE_URL").asText()).isEqualTo("JudgeBaseUrl");
        assertThat(variables.path("REELFORGE_JUDGE_MODEL").asText()).isEqualTo("JudgeModel");
        assertThat(variables.path("REELFORGE_JUDGE_API_KEY_SECRET").asText()).isEqualTo("JudgeSecretArn");
        assertThat(template.path("Resources")
                        .path("ReviewScoreFunction")
                        .path("Properties")
                        .path("Policies")
                        .toString())
                .contains("secretsmanager:GetSecretValue")
                .contains("JudgeSecretArn");
    }

    @Test
    void tables_matchTheKeysAndTtlTheAdaptersUse() {
        assertTable("JobsTable", "jobId");
        assertTable("PromptCacheTable", "cacheKey");
    }

    private static void assertTable(String name, String key) {
        JsonNode table = template.path("Resources").path(name).path("Properties");
        assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.path("KeySchema").get(0).path("AttributeName").asText())
                .isEqualTo(key);
        assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asText())
                .isEqualTo(dev.reelforge.aws.dynamodb.TableDefinitions.TTL_ATTRIBUTE);
        assertThat(table.path("PointInTimeRecoverySpecification")
                        .path("PointInTimeRecoveryEnabled")
                        .asBoolean())
                .isTrue();
    }

    private static JsonNode function(String name) {
        return template.path("Resources").path(name).path("Properties");
    }

    private static String codeUri(JsonNode properties) {
        return properties
                .path("CodeUri")
                .asText(template.path("Globals")
                        .path("Function")
                        .path("CodeUri")
                        .asText());
    }

    private static void collectStatements(JsonNode node, List<JsonNode> into) {
        if (node.isObject()) {
            if (node.has("Effect") && node.has("Action")) {
                into.add(node);
            }
            node.elements().forEachRemaining(child -> collectStatements(child, into));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectStatements(child, into));
        }
    }

    private static void forEachResource(String type, BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> resources =
                template.path("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            if (type.equals(resource.getValue().path("Type").asText())) {
                action.accept(resource.getKey(), resource.getValue().path("Properties"));
            }
        }
    }
}
