// The judges of what BalanceBot sends, run by dotnet test (JudgeProcess.cs): Microsoft's own Adaptive Cards renderer
// with the Teams host config, the Teams manifest schemas from @microsoft/app-manifest, and Discord's own validators
// from @discordjs/builders. Usage: node judge.js <cards|manifest|discord> <input.json>; prints one JSON report.
// Every item in the input is judged and every problem is reported, so one run shows all of them at once.
"use strict";

const fs = require("fs");
const path = require("path");

const [kind, inputPath] = process.argv.slice(2);
// The report is the only thing on stdout: whatever a library logs goes to stderr.
const writeReport = (report) => process.stdout.write(JSON.stringify(report));
console.log = console.info = console.warn = console.error;
const input = JSON.parse(fs.readFileSync(inputPath, "utf8"));
const judges = { cards: judgeCards, manifest: judgeManifest, discord: judgeDiscord };
if (!judges[kind]) {
  console.error(`unknown judge ${kind}; use cards, manifest or discord`);
  process.exit(2);
}

Promise.resolve(judges[kind](input)).then(
  writeReport,
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  });

/** Parses, validates and renders every card; reports what the renderer said and what a Teams user would see. */
function judgeCards(items) {
  const { JSDOM } = require("jsdom");
  const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>");
  // The renderer is written for a browser: it needs window, document and the DOM's classes as globals.
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (!(key in global) && /^(HTML|SVG|Node|Element|Event|document|window|navigator|getComputedStyle|DOMParser)/.test(key)) {
      global[key] = dom.window[key];
    }
  }
  global.window = dom.window;
  const AC = require("adaptivecards/dist/adaptivecards.js");
  const hostConfigJson = JSON.parse(fs.readFileSync(path.join(__dirname, "teams-host-config.light.json"), "utf8"));
  const maxActions = hostConfigJson.actions.maxActions;

  return {
    maxActions,
    results: items.map(({ name, card }) => {
      const problems = [];
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(hostConfigJson);
      const context = new AC.SerializationContext();
      adaptiveCard.parse(card, context);
      for (let i = 0; i < context.eventCount; i++) {
        const event = context.getEventAt(i);
        problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
      }

      const validation = adaptiveCard.validateProperties();
      for (const event of validation.validationEvents) {
        problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
      }

      const element = adaptiveCard.render();
      if (!element) {
        problems.push("render: the renderer produced nothing");
      }

      const actionSets = (card.body || []).filter((e) => e.type === "ActionSet");
      const declared = actionSets.reduce((n, set) => n + set.actions.length, 0) + (card.actions || []).length;
      const rendered = element ? element.querySelectorAll("button.ac-pushButton").length : 0;
      if (rendered !== declared) {
        problems.push(`render: ${declared} actions in the card, ${rendered} buttons rendered`);
      }

      for (const set of actionSets.concat(card.actions ? [{ actions: card.actions }] : [])) {
        if (set.actions.length > maxActions) {
          problems.push(`layout: an action set of ${set.actions.length} exceeds the host's maxActions ${maxActions}`);
        }
      }

      for (const block of (card.body || []).filter((e) => e.type === "TextBlock")) {
        if (/[^\n]\n[^\n]/.test(block.text)) {
          problems.push(`layout: a TextBlock holds a single line break, which its markdown joins: ${JSON.stringify(block.text.slice(0, 60))}`);
        }
      }

      const perSet = actionSets.map((set) => set.actions.length);
      return { name, problems, actions: declared, rendered, maxPerSet: Math.max(0, ...perSet) };
    }),
  };
}

/** Validates each manifest against the schema of its own manifestVersion, as shipped in @microsoft/app-manifest. */
async function judgeManifest(items) {
  const { AppManifestUtils } = require("@microsoft/app-manifest");
  const schemaRoot = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
  const newest = fs.readdirSync(schemaRoot)
    .filter((v) => /^v1\.2\d$/.test(v))
    .map((v) => v.slice(1))
    .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
    .pop();
  const results = [];
  for (const { name, manifest } of items) {
    const schemaFile = path.join(schemaRoot, `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
    if (!fs.existsSync(schemaFile)) {
      results.push({ name, problems: [`no schema for manifestVersion ${manifest.manifestVersion}`] });
      continue;
    }

    // The same workaround the package applies to downloaded schemas (microsoft-teams-app-schema#190: "\a" in a regex).
    const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8").replace(/\\a/g, "\\x07"));
    const failures = await AppManifestUtils.validateAgainstSchema(manifest, schema);
    results.push({ name, problems: failures.map(String) });
  }

  return { newest1_2x: newest, results };
}

/** Rebuilds every command, message and modal with Discord's own builders, whose toJSON() runs their validators. */
function judgeDiscord({ commands, messages, modals }) {
  const builders = require("@discordjs/builders");
  const judge = (name, build) => {
    try {
      build();
      return { name, problems: [] };
    } catch (error) {
      return { name, problems: [String(error && error.message ? error.message : error).slice(0, 2000)] };
    }
  };

  return {
    results: [
      ...commands.map((command) => judge(`command /${command.name}`, () => slashCommand(builders, command).toJSON())),
      ...messages.map(({ name, message }) => judge(name, () => {
        if (typeof message.content === "string" && message.content.length > 2000) {
          throw new Error(`content of ${message.content.length} characters exceeds 2000`);
        }

        for (const row of message.components || []) {
          builders.createComponentBuilder(row).toJSON();
        }

        for (const embed of message.embeds || []) {
          new builders.EmbedBuilder(embed).toJSON();
        }
      })),
      ...modals.map(({ name, modal }) => judge(name, () => {
        const builder = new builders.ModalBuilder({ custom_id: modal.custom_id, title: modal.title });
        for (const component of modal.components) {
          builder.addLabelComponents(labelBuilder(builders, component));
        }

        builder.toJSON();
      })),
    ],
  };
}

function slashCommand(builders, command) {
  const builder = new builders.SlashCommandBuilder()
    .setName(command.name)
    .setDescription(command.description)
    .setContexts(...(command.contexts || []))
    .setIntegrationTypes(...(command.integration_types || []));
  if (command.default_member_permissions !== undefined && command.default_member_permissions !== null) {
    builder.setDefaultMemberPermissions(command.default_member_permissions);
  }

  for (const option of command.options || []) {
    if (option.type === 3) {
      builder.addStringOption((o) => {
        o.setName(option.name).setDescription(option.description).setRequired(Boolean(option.required));
        if (option.choices) {
          o.addChoices(...option.choices);
        }

        return o;
      });
    } else if (option.type === 4) {
      builder.addIntegerOption((o) => {
        o.setName(option.name).setDescription(option.description).setRequired(Boolean(option.required));
        if (option.min_value !== undefined) o.setMinValue(option.min_value);
        if (option.max_value !== undefined) o.setMaxValue(option.max_value);
        return o;
      });
    } else {
      throw new Error(`option type ${option.type} has no builder here; add one`);
    }
  }

  return builder;
}

function labelBuilder(builders, component) {
  if (component.type !== 18) {
    throw new Error(`a modal's top-level component must be a label (18), not ${component.type}`);
  }

  const label = new builders.LabelBuilder().setLabel(component.label);
  if (component.description) {
    label.setDescription(component.description);
  }

  const child = component.component;
  if (!child || child.type !== 4) {
    throw new Error("a label must hold a text input (4) here");
  }

  label.setTextInputComponent(new builders.TextInputBuilder(child));
  return label;
}
