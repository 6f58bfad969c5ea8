// By hand, not part of dotnet test: renders cards with the real adaptivecards renderer in Debian's Chromium, at the
// 320 px width of Teams on a phone, in the Teams look of Microsoft's Adaptive Card designer, and saves one PNG per
// card. Prints, per card, the buttons whose label the renderer had to cut ("…"), measured in the browser.
//   node screenshots.js <judged-cards.json> <output folder> [card name prefix ...]
// judged-cards.json is written by TeamsCardJudgeTests to the test project's output folder.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

async function main() {
  const [cardsFile, outputFolder, ...prefixes] = process.argv.slice(2);
  const cards = JSON.parse(fs.readFileSync(cardsFile, "utf8"))
    .filter((c) => prefixes.length === 0 || prefixes.some((p) => c.name.startsWith(p)));
  fs.mkdirSync(outputFolder, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 372, height: 400 }, deviceScaleFactor: 2 });
    await page.setContent(`<!DOCTYPE html><html><head><style>${fs.readFileSync(path.join(__dirname, "teams-container-light.css"), "utf8")}
      body { margin: 0; background: #F6F6F6; } .teams-inner-frame { min-width: 0; width: 320px; padding: 12px; margin: 12px; }</style></head>
      <body><div class="teams-inner-frame"><div id="card" class="teams-card"></div></div></body></html>`);
    await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.min.js") });
    // Teams renders TextBlock markdown (bold, lists); the renderer leaves it to the host, as the designer does with markdown-it.
    await page.addScriptTag({ path: require.resolve("markdown-it/dist/markdown-it.min.js") });
    await page.evaluate(() => {
      const markdown = window.markdownit();
      AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
        result.outputHtml = markdown.render(text);
        result.didProcess = true;
      };
    });
    const hostConfig = JSON.parse(fs.readFileSync(path.join(__dirname, "teams-host-config.light.json"), "utf8"));
    for (const { name, card } of cards) {
      const cut = await page.evaluate(({ card, hostConfig }) => {
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
        adaptiveCard.parse(card);
        const host = document.getElementById("card");
        host.replaceChildren(adaptiveCard.render());
        return [...host.querySelectorAll("button.ac-pushButton")]
          .filter((b) => b.scrollWidth > b.clientWidth || [...b.querySelectorAll("*")].some((e) => e.scrollWidth > e.clientWidth))
          .map((b) => b.textContent);
      }, { card, hostConfig });
      const file = path.join(outputFolder, name.replace(/[^A-Za-z0-9_.-]+/g, "_") + ".png");
      await page.locator(".teams-inner-frame").screenshot({ path: file });
      console.log(`${name}: ${cut.length === 0 ? "every label whole" : "cut: " + cut.join(" | ")} -> ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
