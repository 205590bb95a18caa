import type { Block } from "./pdf-fixture.js";

/**
 * The known text of the PDF test, written for it. The soft hyphen in
 * "transfor\u00ADmation" lets the typesetter break that word at a line end;
 * the wording is chosen so that it does, and so that "Sino-Russian" breaks
 * after its own hyphen (the test checks both happened).
 */
export const knownText: readonly Block[] = [
  { text: "Partners of Convenience", heading: true },
  {
    text:
      "Relations between Moscow and Beijing have grown closer since 2014, when the crisis over Ukraine opened a deep rift between Russia and the West. Officials on both sides now like to describe the present state of the much-praised Sino-Russian partnership as the best it has ever been, and they point to a steady rise in trade.",
  },
  {
    text:
      "Sceptics reply that the numbers hide an imbalance. China buys oil and gas and sells machinery; Russia wants investment that rarely arrives at all. The greatest transfor\u00ADmation of the relationship, they argue, is mostly rhetorical, and it depends on how long the West keeps Russia at arm’s length.",
  },
  { text: "Energy and Money", heading: true },
  {
    text:
      "The gas agreement signed in May 2014 is the largest single deal between the two countries. Its price was never published, which led many analysts to conclude that Moscow accepted terms it would have refused a year earlier. Construction of the pipeline took five years, and the first gas flowed in December 2019, on schedule.",
  },
  {
    text:
      "One panelist put it bluntly: “Russia needs China more than China needs Russia — and both of them know it.” Another disagreed, saying that the dependence runs both ways, since Chinese planners value a supplier that no navy can cut off.",
  },
  { text: "What to Watch", heading: true },
  {
    text:
      "Three indicators will show whether the partnership deepens: joint projects in Central Asia that go beyond announcements, Chinese banks lending to sanctioned Russian firms, and common positions at the United Nations on questions where their interests differ.",
  },
  {
    text:
      "None of these is certain. A settlement in Ukraine, a change of course in Washington or an economic slowdown in China could each loosen the ties again, as they have loosened before.",
  },
];
