"""Scratch script: build data/claims.csv from the segmented units and the first-pass human labels.

Run:  .venv/bin/python scripts/build_claims.py [UNITS_CSV]
(default units file: /tmp/claimcheck-units.csv). The derived columns
(allowed_certainty, overstatement, verdict) are computed by
claimcheck.audit.derive_verdicts, never typed here.
Labelling rules: docs/annotation-guide.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from claimcheck.audit import derive_verdicts
from claimcheck.schema import CLAIM_COLUMNS, UNIT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
UNITS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/claimcheck-units.csv")

# Shared rationales for rows that carry the same evidence judgement.
ENDORPHIN = (
    "Human evidence conflicts: naloxone did not reverse acupuncture analgesia (chapman1983), plasma "
    "beta-endorphin stayed minimal under every acupuncture condition (harbach2007, n=15), while one PET "
    "study found mu-opioid binding rose with real but not sham needling although clinical pain fell "
    "similarly in both groups (harris2009); the positive release data are mainly animal (han2004). very_low."
)
NEEDLE_SIGNAL = (
    "Established neurophysiology: a needle is felt because sensory nerves carry its signal to the spinal "
    "cord and brain; pomeranz_chapter describes this afferent pathway (review of 228 studies) and harris2009 "
    "shows brain mu-opioid-receptor changes after needling in humans. High; the sentence does not claim "
    "the points are special."
)
TITLE = (
    "Compound claim: benefit versus no acupuncture is moderate (vickers2018: about 0.5 SD, 39 trials, "
    "20,827 patients), but it also asserts seven ways acupuncture works, several of which no study has "
    "tested as a route to pain relief (blood flow, muscle tension, nervous-system balance, sleep, stress, "
    "overall health); the weakest component sets the level: none."
)
SAFE_EFFECTIVE = (
    "Both components are moderate: benefit about 0.5 SD versus no acupuncture (vickers2018) and serious "
    "adverse events about 1.0 per 10,000 patients in 21 prospective studies (baumler2021; witt2009, "
    "229,230 patients); the level-1 hedge keeps the wording within that."
)

# claim_id number -> labels. Keys: t=claim_type, s=secondary_type, c=certainty, h=hedge_cues,
# b=boosters, sup=support_in_text, f=flags, ev=evidence_level, ids=evidence_ids,
# rev=suggested_revision, rat=rationale, note=reviewer_note.
L: dict[int, dict] = {
    1: dict(t="efficacy", s="mechanism", c=2, h="can", f="presupposed_benefit", ev="none",
            ids="vickers2018;vickers2012", rat=TITLE,
            rev="Acupuncture for Chronic Pain: A Probable Small Benefit and 7 Unproven Explanations",
            note="Title: asserts the benefit (efficacy) and that there are seven ways (mechanism); each way is rated in its own heading row."),
    2: dict(t="context", c=4, b="as we all are aware by now", f="appeal_to_tradition", ev="n_a",
            note="History/definition; checked: acupuncture is a traditional Chinese practice (kaptchuk2002), so not rated. The booster lifts the wording to 4."),
    3: dict(t="context", c=3, ev="n_a", note="Definition; correct as a description of the practice."),
    4: dict(t="mechanism", c=3, ev="contradicted", ids="haake2007;cherkin2009;macpherson2013;madsen2009",
            rat="Large trials contradict point specificity: in GERAC needling at non-points gave 44.2% responders versus 47.6% for verum (haake2007, 1,162 patients, P=.39), simulated non-penetrating needling matched real needling (cherkin2009, 638 adults), and point prescription did not modify the effect versus sham in 29 trials (macpherson2013).",
            rev="How it works is uncertain: in large trials, needling at traditional acupuncture points relieved pain no more than needling elsewhere.",
            note="Judgement call: contradicted rather than very_low because three independent large data sets show the points do not matter; vickers2018 still finds a small (0.2 SD) edge over sham, so the lead may prefer very_low (same verdict)."),
    5: dict(t="efficacy", c=3, sup="vague", f="vague_quantity;unnamed_source", ev="moderate",
            ids="vickers2018;qaseem2017;ernst2011",
            rat="vickers2018 (39 trials, 20,827 patients) supports a benefit of about 0.5 SD versus no acupuncture and the ACP guideline recommends acupuncture for chronic low back pain (qaseem2017), but the edge over sham is about 0.2 SD and an overview of 57 reviews found 'little truly convincing evidence' (ernst2011): moderate.",
            rev="A growing number of trials indicate that acupuncture probably eases chronic pain somewhat, although its advantage over sham acupuncture is small."),
    6: dict(t="efficacy", c=3, sup="vague", f="unnamed_source;precise_number", ev="low",
            ids="vickers2012;vickers2018;mu2020;manheimer2010",
            rat="No 26-study review was found (data/sources.md, item U19; closest vickers2012, 29 trials). For chronic low back pain the Cochrane review rates the evidence LOW (mu2020: -10.3 points on 0-100 versus usual care, below the 15-point threshold) and knee-OA gains over sham were below clinical relevance (manheimer2010); the weakest named condition sets low.",
            rev="A 2018 analysis of 39 trials (Vickers et al., J Pain) suggests that acupuncture may reduce pain in chronic musculoskeletal pain, osteoarthritis and chronic headache, although its advantage over sham acupuncture was small."),
    7: dict(t="mechanism", c=3, ev="high", ids="pomeranz_chapter;harris2009", rat=NEEDLE_SIGNAL),
    8: dict(t="mechanism", c=2, h="can", ev="very_low",
            ids="han2004;pomeranz_chapter;harbach2007;torresrosas2014;goldman2010",
            rat="Release of opioid and anti-inflammatory chemicals is shown mainly in animals (han2004, 2/100 Hz electroacupuncture; torresrosas2014 and goldman2010 in mice); in 15 people with chronic back pain plasma beta-endorphin stayed minimal under all acupuncture conditions (harbach2007). Animal evidence for a human claim: very_low.",
            rev="It is uncertain whether these signals release pain-relieving or anti-inflammatory chemicals in people; such effects have been shown mainly in animal experiments."),
    9: dict(t="usage", c=3, f="vague_quantity;implied_efficacy", ev="moderate",
            ids="mccarney_asthma;ctcp2019_t2dm",
            rat="Traditional use in China is stated as background by a Cochrane review for asthma (mccarney_asthma) and by a 21-study review for type 2 diabetes ('used ... for 2000 years', ctcp2019_t2dm), but no survey measures how commonly it is used today: moderate.",
            rev="Acupuncture is probably used widely in China for a range of conditions, including asthma, diabetes and headaches, although a Cochrane review found no clear benefit for asthma.",
            note="The implied benefit is flagged, not rated: for asthma 12 trials found no effect versus sham (mccarney_asthma, FEV1 SMD 0.12)."),
    10: dict(t="usage", c=3, f="implied_efficacy", ev="low", ids="burke2006_nhis;sherman2009;zhang2012_nhis",
             rat="The 2002 National Health Interview Survey (burke2006_nhis, 31,044 adults) confirms back pain as the leading reason (34%), with joint pain and headache next (sherman2009), and use 'both as an alternative and as a complementary therapy'; nothing shows it is more often complementary, so the comparative is only indirectly supported: low.",
             rev="In the United States, national surveys suggest that acupuncture is used mainly for back pain, joint pain and headaches, both on its own and alongside conventional treatment."),
    11: dict(t="usage", c=2, h="sometimes", f="implied_efficacy", ev="moderate", ids="lee2015;kaptchuk2002",
             rat="Wrist-point (PC6) stimulation for nausea is studied widely enough for a Cochrane review with 40 trials on nausea alone (lee2015, 4,742 people) and is described as used for postoperative and chemotherapy nausea (kaptchuk2002): moderate for 'sometimes used'.",
             note="The implied benefit is flagged, not rated; it would be LOW (lee2015: nausea RR 0.68 versus sham, low quality)."),
    12: dict(t="efficacy", s="mechanism", c=2, h="can", f="presupposed_benefit", ev="none",
             ids="vickers2018", rat="Same as the title (acu-001): the benefit is moderate (vickers2018, about 0.5 SD versus no acupuncture) but the heading introduces seven 'ways', most of which no study tests as a route to pain relief: none.",
             rev="How Might Acupuncture Ease Chronic Pain?"),
    13: dict(t="mechanism", s="efficacy", c=2, f="presupposed_benefit", ev="very_low",
             ids="chapman1983;harbach2007;harris2009;han2004", rat=ENDORPHIN,
             rev="1. Does acupuncture release endorphins?",
             note="Heading read in the title's frame: 'acupuncture can relieve chronic pain by releasing endorphins' (level 2)."),
    14: dict(t="mechanism", s="efficacy", c=1, h="may", ev="very_low",
             ids="chapman1983;harbach2007;harris2009;han2004", rat=ENDORPHIN,
             rev="It has been proposed that acupuncture relieves chronic pain partly by releasing endorphins, but studies in people disagree and it is uncertain whether this happens."),
    15: dict(t="context", c=3, ev="n_a", note="Definition of endorphins; correct (endogenous opioid peptides)."),
    16: dict(t="context", c=2, h="often", ev="n_a", note="Naming; correct ('endorphin' = endogenous morphine)."),
    17: dict(t="mechanism", c=3, ev="high", ids="pomeranz_chapter;harris2009", rat=NEEDLE_SIGNAL),
    18: dict(t="mechanism", c=2, h="can", ev="very_low", ids="chapman1983;harbach2007;harris2009;han2004",
             rat=ENDORPHIN,
             rev="It has been proposed that these signals trigger the release of endorphins, but studies in people disagree on whether this happens."),
    19: dict(t="mechanism", c=3, ev="high", ids="pomeranz_chapter;harris2009",
             rat="Rated as worded (general physiology, not an acupuncture claim): endogenous opioids act on receptors in the spinal cord and brain to inhibit pain transmission, as described in pomeranz_chapter and imaged in pain-processing regions by harris2009; 'blocks' simplifies 'inhibits'. High.",
             note="Whether acupuncture triggers this is rated in acu-018. A physiology textbook entry would be a better source than acupuncture papers."),
    20: dict(t="mechanism", c=2, h="can", ev="high", ids="pomeranz_chapter",
             rat="'This' resolves to the endorphin blockade of pain signals in acu-019, which reduces pain by definition of opioid analgesia (pomeranz_chapter). High; the acupuncture link is rated in acu-018.",
             note="Calibrated on its own words; the unsupported step of the chain is acu-018."),
    21: dict(t="mechanism", s="efficacy", c=2, f="presupposed_benefit", ev="none",
             ids="tsuchiya2007;sandberg2003;ecam2016_bloodflow",
             rat="Read as 'relieves chronic pain by increasing blood flow': small studies in healthy volunteers show local blood-flow rises (sandberg2003, n=14; tsuchiya2007, n=20), but no study links them to pain relief and tsuchiya2007 calls the link speculative. The route has no evidence: none.",
             rev="2. Does increased blood flow play a part?"),
    22: dict(t="mechanism", s="efficacy", c=2, h="can", ev="none",
             ids="tsuchiya2007;sandberg2003;ecam2016_bloodflow",
             rat="Local blood flow rose after needling in 14-20 healthy volunteers (sandberg2003, tsuchiya2007), but no study shows this relieves chronic pain; tsuchiya2007 says it only 'might contribute'. The route has no evidence: none.",
             rev="Acupuncture may increase blood flow around the needles, but it has not been shown that this relieves chronic pain."),
    23: dict(t="mechanism", c=3, ev="low", ids="tsuchiya2007;sandberg2003;ecam2016_bloodflow",
             rat="Two small randomized crossover studies in healthy volunteers found needling raised local nitric oxide (+2.8 umol/L, tsuchiya2007, n=20) and muscle blood flow (sandberg2003, n=14), but a systematic review found many comparisons with sham or superficial needling non-significant (ecam2016_bloodflow): low.",
             rev="Small studies in healthy volunteers suggest that needling may release chemicals such as nitric oxide that widen blood vessels and may increase blood flow near the needles."),
    24: dict(t="mechanism", c=2, h="can;help to", ev="none", ids="tsuchiya2007",
             rat="No source shows that increased blood flow reduces inflammation or pain; widened vessels are themselves part of inflammation, and tsuchiya2007 calls any link to pain relief speculative. None.",
             rev="Whether this extra blood flow reduces inflammation or pain has not been shown."),
    25: dict(t="safety", s="efficacy", c=1, h="may", b="safe and effective", f="implied_efficacy",
             ev="moderate", ids="vickers2018;baumler2021;witt2009", rat=SAFE_EFFECTIVE),
    26: dict(t="mechanism", s="efficacy", c=2, f="presupposed_benefit", ev="none", ids="calamita2018",
             rat="Read as 'relieves chronic pain by releasing muscle tension': the only trial (calamita2018, 15 neck-pain patients, one session) found no difference from sham in muscle activity or pain, and no study tests the route: none.",
             rev="3. Does it release muscle tension?"),
    27: dict(t="mechanism", c=0, h="not fully understood", f="presupposed_benefit", ev="very_low",
             ids="chapman1983;harris2009;vickers2018",
             rat="A statement of ignorance is rated by the evidence for what it calls uncertain: mechanism studies in people conflict (chapman1983 negative, harris2009 positive) and the effect beyond sham is small (about 0.2 SD, vickers2018). very_low, so the uncertainty is accurately stated."),
    28: dict(t="mechanism", c=1, h="may", ev="very_low", ids="torresrosas2014;goldman2010",
             rat="Anti-inflammatory pathways have been shown only in mice (torresrosas2014, vagal-dopamine pathway in sepsis; goldman2010, adenosine A1 receptors). Animal evidence for a human claim: very_low.",
             rev="It is uncertain whether acupuncture works by releasing anti-inflammatory chemicals; such effects have so far been shown mainly in mice."),
    29: dict(t="efficacy", c=1, h="may;help to", f="presupposed_benefit", ev="very_low", ids="calamita2018",
             rat="One single-session crossover trial in 15 neck-pain patients (calamita2018) found muscle activity and pain fell equally with real and sham acupuncture: very_low.",
             rev="In addition to any effect on pain, it is uncertain whether acupuncture releases muscle tension: a small trial found no difference from sham acupuncture."),
    30: dict(t="mechanism", c=2, h="can", ev="none", ids="tsuchiya2007;calamita2018",
             rat="Acupuncture raised local nitric oxide in one study of 20 healthy volunteers (tsuchiya2007, low), but nitric oxide relaxes the smooth muscle of blood vessels and no study shows this releases muscle tension (calamita2018: no EMG difference from sham). The because-link has no evidence: none.",
             rev="One small study found that acupuncture raised levels of nitric oxide, a gas that relaxes blood vessels, near the needles, but it has not been shown that this releases muscle tension."),
    31: dict(t="mechanism", s="efficacy", c=2, f="presupposed_benefit", ev="none", ids="hamvas2023;chung2014_hrv",
             rat="Read as 'relieves chronic pain by balancing the nervous system': heart-rate-variability reviews disagree (hamvas2023, 9 RCTs, parasympathetic markers rose within verum groups only; chung2014_hrv, 14 studies, HF favoured sham in patients) and no study tests the route to pain relief: none.",
             rev="4. Does it change the balance of the nervous system?"),
    32: dict(t="context", c=3, ev="contradicted", ids="hamvas2023;chung2014_hrv",
             rat="Wrong as stated: sympathetic and parasympathetic are the two branches of the autonomic nervous system (as hamvas2023 and chung2014_hrv use the terms, with HRV as the marker of 'sympathovagal balance of the autonomic nervous system'); the nervous system's main parts are the central and peripheral systems. Contradicted.",
             rev="The autonomic nervous system, which runs the body's automatic functions, has two main branches: the sympathetic and the parasympathetic nervous system.",
             note="Context sentence rated because it is factually wrong. A physiology textbook would be a better source; none is in evidence.csv."),
    33: dict(t="context", c=2, h="can", ev="n_a", note="Background on the condition; plausible and not wrong as hedged; not rated."),
    34: dict(t="context", c=2, h="can", ev="n_a", note="Background on the condition; not wrong as hedged; not rated."),
    35: dict(t="mechanism", c=2, h="can;help to", ev="very_low", ids="hamvas2023;chung2014_hrv",
             rat="hamvas2023 (9 RCTs) found HF and LF/HF changes within verum but not sham groups and urges caution; chung2014_hrv (14 studies) found the HF effect favoured sham in non-healthy subjects. Inconsistent surrogate data: very_low.",
             rev="It is uncertain whether acupuncture stimulates the parasympathetic nervous system; small studies of heart-rate variability disagree.",
             note="'Balance' is not flagged unfalsifiable here: the sentence names its measurable correlate (parasympathetic activity, measured as HRV)."),
    36: dict(t="mechanism", s="efficacy", c=2, h="can;help to", ev="none", ids="hamvas2023;chung2014_hrv",
             rat="'This' resolves to acupuncture stimulating the parasympathetic system (acu-035); no study shows that acupuncture's HRV changes (hamvas2023, chung2014_hrv) lead to less pain, better sleep or less stress. The mediated claim has no evidence: none.",
             rev="Whether such changes reduce pain, improve sleep or reduce stress has not been shown."),
    37: dict(t="mechanism", s="efficacy", c=2, f="presupposed_benefit", ev="none", ids="ecam2019_fm;cheuk_insomnia",
             rat="Read as 'relieves chronic pain by improving sleep': sleep evidence is low for chronic pain (fibromyalgia only, ecam2019_fm; insomnia inconclusive across 33 RCTs, cheuk_insomnia) and no study tests better sleep as the route to pain relief: none.",
             rev="5. Does it improve sleep?"),
    38: dict(t="efficacy", c=4, h="can;help", b="indeed", ev="low", ids="ecam2019_fm;cheuk_insomnia;vickers2018",
             rat="For people with chronic pain, sleep data come only from fibromyalgia (ecam2019_fm: sleep SMD -0.46 versus sham, 8 trials, 690 participants; moderate, then low for indirectness) and the insomnia Cochrane review found 33 RCTs too poor to support or refute a benefit (cheuk_insomnia); pain is moderate (vickers2018). Lowest: low.",
             rev="Acupuncture may help improve sleep and probably eases chronic pain a little."),
    39: dict(t="efficacy", c=4, b="more effective than any other", f="superlative", ev="none",
             ids="ecam2019_fm;cao2013_fm;deare2013",
             rat="No trial compares acupuncture with other treatments for sleep in fibromyalgia: ecam2019_fm compares with sham only (sleep SMD -0.46, 8 trials), and cao2013_fm compared it with drugs on pain, not sleep. A superlative without head-to-head evidence: none.",
             rev="It is uncertain whether acupuncture improves sleep in fibromyalgia more than other treatments: it has not been compared with them, and in small trials it improved sleep quality somewhat more than sham acupuncture."),
    40: dict(t="efficacy", c=2, h="helps to;can;help to", ev="low", ids="schroeder2017;wild2020;ctm2019_anxiety_overview",
             rat="Stress evidence is low: in a 70-person pilot RCT verum did not differ from sham (wild2020), a 111-person RCT lost 44% of participants (schroeder2017), and the anxiety overview rated the evidence low (ctm2019_anxiety_overview). The stress-to-sleep clause is accepted background and not rated.",
             rev="It may also reduce stress, which can help with sleep and with managing pain."),
    41: dict(t="advice", c=3, ev="n_a", note="Advice with nothing checkable; 'for sleep or pain relief' states the reader's purpose, not a benefit."),
    42: dict(t="efficacy", c=1, h="may", ev="very_low", ids="cheuk_insomnia;vickers2018",
             rat="The effect clause sets the level; for sleep problems the Cochrane insomnia review found 33 RCTs, all at high risk of bias, 'not sufficiently rigorous to support or refute' (cheuk_insomnia), while pain is moderate (vickers2018). Lowest: very_low.",
             rev="Acupuncture is not a cure for sleep or pain problems; it probably eases chronic pain a little, but it is uncertain whether it helps with sleep problems or overall quality of life.",
             note="'not a cure' is a negated booster and does not count as a booster."),
    43: dict(t="mechanism", s="efficacy", c=2, f="presupposed_benefit", ev="none", ids="wild2020;schroeder2017",
             rat="Read as 'relieves chronic pain by reducing stress': stress evidence is low (wild2020: verum no better than sham, n=70; schroeder2017: 44% loss to follow-up) and no study tests stress reduction as the route to pain relief: none.",
             rev="6. Does it reduce stress?"),
    44: dict(t="efficacy", c=3, sup="vague", f="vague_quantity;unnamed_source", ev="none",
             ids="qaseem2017;nccih_indepth",
             rat="Professional support exists for chronic low back pain (qaseem2017: the ACP lists acupuncture among first-line non-drug options; nccih_indepth: 'a reasonable option'), but no guideline or professional body in the sources supports it for stress, and NCCIH says guidelines are inconsistent. The stress component has no evidence: none.",
             rev="Some clinical guidelines, such as the American College of Physicians' guideline for chronic low back pain, list acupuncture among the first treatments to try; it is uncertain whether acupuncture reduces stress."),
    45: dict(t="efficacy", c=3, f="missing_comparator", ev="moderate", ids="vickers2018;madsen2009",
             rat="No comparator is named, so it is read against no acupuncture, the comparison the evidence makes: about 0.5 SD less pain and better function (vickers2018, 39 trials), moderate. Against sham the gap is about 0.2 SD (madsen2009: SMD -0.17, about 4 mm on 100), and against other treatments there is no evidence.",
             rev="Compared with no acupuncture, acupuncture probably reduces pain and improves function somewhat in people with chronic pain; its advantage over sham acupuncture is probably small."),
    46: dict(t="efficacy", c=3, f="presupposed_benefit", ev="low", ids="macpherson2013;witt2019_moderators;wild2020",
             rat="Indirect only: more sessions went with better outcomes against non-sham controls (macpherson2013, p<0.001, 5 trials) and more severe baseline pain with more benefit (witt2019_moderators, 20,827 patients), but no study estimates how many sessions a person needs; the presupposed stress benefit is low (wild2020). Low.",
             rev="How many sessions might help, if any, may vary from person to person and with how severe the pain is."),
    47: dict(t="efficacy", c=3, f="vague_quantity;precise_number", ev="none",
             ids="haake2007;cherkin2009;burke2006_nhis;macpherson2013",
             rat="No source gives 4-8 sessions: the large back-pain trials gave about 10 (cherkin2009, 10 over 7 weeks; haake2007, 10-15, with 47.6% responders at 6 months), and the commonest US course was 2-4 treatments (burke2006_nhis, 34.5%). The number and 'most people' have no evidence: none.",
             rev="No study has established how many sessions most people need: trials that reported a benefit for chronic back pain typically gave about 10 sessions over 5 to 7 weeks."),
    48: dict(t="mechanism", s="efficacy", c=2, f="presupposed_benefit;unfalsifiable", ev="none",
             rat="'Overall health' has no measurable correlate as used here, and no study tests it as a route to pain relief: none.",
             rev="7. Does it promote overall health?"),
    49: dict(t="efficacy", s="mechanism", c=2, h="can;help to", f="unfalsifiable", ev="none",
             ids="kaptchuk2002;nccih_indepth",
             rat="The 'flow of energy' (qi) is a prescientific concept with no measurable correlate (kaptchuk2002; nccih_indepth), and no trial measures 'overall health and well-being' in general: none.",
             rev="Traditional Chinese medicine holds that needling improves the flow of energy (qi), but this idea cannot be measured, and it has not been shown that acupuncture improves overall health or well-being."),
    50: dict(t="safety", c=1, h="generally considered", b="one of the safest", f="superlative", ev="none",
             ids="baumler2021;witt2009",
             rat="No source compares acupuncture's safety with other options: baumler2021 (21 prospective studies) gives absolute rates only (any adverse event 9.3% of patients, serious 1.0 per 10,000), so 'one of the safest' has no evidence: none.",
             rev="Serious complications are probably rare when acupuncture is performed by a qualified practitioner, but it has not been shown to be safer than other treatments for chronic pain."),
    51: dict(t="safety", c=3, ev="high", ids="witt2009;baumler2021;xu2013_casereports",
             rat="These harms are well documented: bleeding or haematoma in about 6% of 229,230 patients (witt2009) and about half of all adverse events in 21 prospective studies (baumler2021); infections are the main complication among 308 case-reported events (xu2013_casereports). High for their existence.",
             note="'risks associated with' is a noun phrase (the risks of acupuncture), not the correlational hedge 'is associated with'."),
    52: dict(t="advice", c=3, ev="n_a", note="Names no specific risk or benefit, so advice, not safety."),
    53: dict(t="efficacy", c=1, h="may", f="appeal_to_nature;unfalsifiable;implied_efficacy", ev="none",
             rat="'Overall health' in general has no measurable correlate and no trial measures it; being natural is not evidence: none.",
             rev="If you are looking for ways to improve your general health, note that acupuncture has not been shown to do this, and being natural does not by itself make a treatment helpful or safe."),
    54: dict(t="advice", c=3, ev="n_a", note="Advice with nothing checkable."),
    55: dict(t="safety", s="efficacy", c=1, h="is believed to", b="safe and effective", ev="moderate",
             ids="vickers2018;baumler2021;witt2009", rat=SAFE_EFFECTIVE,
             note="'is believed to' names no believer: support none, not unnamed_source."),
    56: dict(t="mechanism", s="efficacy", c=2, h="can", f="vague_quantity;unfalsifiable", ev="none",
             ids="chapman1983;harris2009;tsuchiya2007;torresrosas2014;kaptchuk2002",
             rat="A list of mechanisms, each at best very_low in people (endorphins: chapman1983 versus harris2009; blood flow: tsuchiya2007, n=20; inflammation: torresrosas2014, mice), and 'balancing the body's energy' has no measurable correlate (kaptchuk2002); the weakest component sets none.",
             rev="Proposed explanations for how it might relieve pain include releasing endorphins, increasing blood flow, reducing inflammation and promoting relaxation, but none has been shown to account for its effects, and 'balancing the body's energy' cannot be tested."),
    57: dict(t="efficacy", c=1, h="may", f="implied_efficacy", ev="moderate", ids="vickers2018;nccih_indepth",
             rat="Benefit versus no acupuncture is moderate (vickers2018, about 0.5 SD; nccih_indepth calls it 'a reasonable option for people with chronic pain to consider'); 'may' keeps the wording within it."),
    58: dict(t="efficacy", s="advice", c=2, h="can;help", f="presupposed_benefit", ev="moderate", ids="vickers2018",
             rat="The presupposed claim 'acupuncture can help you manage your pain' is moderate (vickers2018, about 0.5 SD versus no acupuncture), which 'can' matches; 'You can speak' is permission, not a hedge."),
}


def build() -> pd.DataFrame:
    units = pd.read_csv(UNITS, dtype=str, keep_default_na=False)
    assert list(units.columns) == list(UNIT_COLUMNS), units.columns
    rows = []
    for u in units.to_dict("records"):
        n = int(u["claim_id"].split("-")[1])
        lab = L[n]
        rows.append({
            **u,
            "claim_type": lab["t"],
            "secondary_type": lab.get("s", ""),
            "certainty": lab["c"],
            "hedge_cues": lab.get("h", ""),
            "boosters": lab.get("b", ""),
            "support_in_text": lab.get("sup", "none"),
            "flags": lab.get("f", ""),
            "evidence_level": lab["ev"],
            "evidence_ids": lab.get("ids", ""),
            "suggested_revision": lab.get("rev", ""),
            "rationale": lab.get("rat", ""),
            "status": "reviewed",
            "reviewer_note": lab.get("note", ""),
        })
    assert len(rows) == len(L) == 58
    df = derive_verdicts(pd.DataFrame(rows))
    # Revisions only for overstated rows (the contract asks for them there).
    bad = df[(df.verdict == "overstated") & (df.suggested_revision == "")]
    assert bad.empty, bad.claim_id.tolist()
    extra = df[(df.verdict != "overstated") & (df.suggested_revision != "")]
    assert extra.empty, extra.claim_id.tolist()
    return df[list(CLAIM_COLUMNS)]


if __name__ == "__main__":
    out = build()
    with open(ROOT / "data" / "claims.csv", "w", encoding="utf-8", newline="") as fh:
        out.to_csv(fh, index=False, lineterminator="\n")
    print(out.claim_type.value_counts().to_string())
    print(out.verdict.value_counts().to_string())
