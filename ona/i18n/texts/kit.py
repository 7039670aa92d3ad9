"""Texts of the collaboration scan: the survey kit ona designs (``kit.``), the five conditions of collaboration
(``condition.``), perceived versus actual ties (``perception.``), the collaboration view and the joint process
analysis sheet (``collab.``), and the findings about conditions and perception (``finding.kit.``).

The five conditions follow the Common Eye model of collaboration (Kaats and Opheij 2012) as used in the A&O-fonds
Gemeenten workshop "Beter samenwerken": ambition (ambitie), interests (belangen), relationship (relatie),
organisation (organisatie) and process (proces). The statements about them (``kit.item.*``) were written for ona,
for colleagues in a municipality; they are not the original Common Eye instrument.
"""

from __future__ import annotations

__all__ = ["COUNT_WORDS", "STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- the questionnaire -------------------------------------------------------------------
    "kit.title": {"nl": "Samenwerken in {organisation}", "en": "Working together at {organisation}"},
    "kit.welcome": {
        "nl": "Met deze vragenlijst brengen we in kaart hoe we in {organisation} samenwerken: bij wie je advies "
        "haalt, wie je vertrouwt, met wie je wekelijks samenwerkt, en hoe je de samenwerking tussen afdelingen "
        "ervaart. Invullen duurt ongeveer {minutes} minuten. Er zijn geen goede of foute antwoorden. "
        "Leidinggevenden zien nooit jouw antwoorden, alleen overzichten van groepen van minstens {k} mensen.",
        "en": "With this questionnaire we map how we work together at {organisation}: whom you go to for advice, "
        "whom you trust, whom you work with every week, and how you experience the collaboration between "
        "departments. It takes about {minutes} minutes. There are no right or wrong answers. Managers never see "
        "your answers, only summaries of groups of at least {k} people.",
    },
    "kit.end": {
        "nl": "Dank je wel! Je antwoorden zijn opgeslagen. De uitkomsten per afdeling bespreken we samen.",
        "en": "Thank you! Your answers have been saved. We will discuss the results per department together.",
    },
    "kit.section.you": {"nl": "Over jou", "en": "About you"},
    "kit.section.network": {"nl": "Je netwerk", "en": "Your network"},
    "kit.section.perception": {"nl": "Hoe anderen bij jou komen", "en": "How others come to you"},
    "kit.section.groups": {"nl": "Samenwerking tussen {groups}", "en": "Collaboration between {groups}"},
    "kit.section.collaboration": {"nl": "Samenwerking “{collaboration}”", "en": "Collaboration “{collaboration}”"},
    "kit.groups.department": {"nl": "afdelingen", "en": "departments"},
    "kit.groups.team": {"nl": "teams", "en": "teams"},
    "kit.groups.other": {"nl": "onderdelen", "en": "units"},
    "kit.q.email": {
        "nl": "Wat is je e-mailadres bij {organisation}?",
        "en": "Your e-mail address at {organisation}",
    },
    "kit.q.email.help": {
        "nl": "Alleen nodig om je antwoorden aan de personeelslijst te koppelen; het wordt nergens getoond.",
        "en": "Only needed to link your answers to the staff list; it is never shown anywhere.",
    },
    "kit.q.advice": {"nl": "Bij wie ga je voor advies over je werk?", "en": "To whom do you go for advice about your work?"},
    "kit.q.trust": {
        "nl": "Met wie zou je een gevoelige werkkwestie bespreken?",
        "en": "With whom would you discuss a sensitive work matter?",
    },
    "kit.q.collaboration": {"nl": "Met wie werk je wekelijks samen?", "en": "With whom do you work weekly?"},
    "kit.q.perceived_advice": {
        "nl": "Wie komen volgens jou bij jou voor advies over hun werk?",
        "en": "Who do you think comes to you for advice about their work?",
    },
    "kit.q.perceived_trust": {
        "nl": "Wie zouden volgens jou met jou een gevoelige werkkwestie bespreken?",
        "en": "Who do you think would discuss a sensitive work matter with you?",
    },
    "kit.q.depends_on": {
        "nl": "Van welke {groups} ben je voor je werk afhankelijk?",
        "en": "Which {groups} do you depend on for your work?",
    },
    "kit.q.depends_on.help": {
        "nl": "Kies de {groups} waarvan je werk, informatie of een besluit nodig hebt om je eigen werk te doen.",
        "en": "Choose the {groups} whose work, information or decisions you need to do your own work.",
    },
    "kit.q.names.list": {
        "nl": "Kies zoveel collega's als je wilt, ook van andere {groups}. Niemand? Ga dan verder.",
        "en": "Choose as many colleagues as you like, also from other {groups}. Nobody? Then go on.",
    },
    "kit.q.names.text": {
        "nl": "Typ voor- en achternaam, één collega per regel (hooguit {boxes}). Niemand? Laat het leeg.",
        "en": "Type first name and surname, one colleague per line (at most {boxes}). Nobody? Leave it empty.",
    },
    "kit.q.perception.help": {
        "nl": "Het gaat om wat jij denkt; er is geen goed of fout antwoord.",
        "en": "It is about what you think; there is no right or wrong answer.",
    },
    "kit.q.conditions": {
        "nl": "Samenwerking “{collaboration}”: in hoeverre ben je het eens met deze uitspraken?",
        "en": "Collaboration “{collaboration}”: how far do you agree with these statements?",
    },
    "kit.q.conditions.help": {
        "nl": "In deze samenwerking werken {groups} samen. Beantwoord de vragen als je eraan meewerkt of ermee te "
        "maken hebt; sla ze anders over.",
        "en": "In this collaboration {groups} work together. Answer if you take part in it or deal with it; "
        "otherwise skip these statements.",
    },
    "kit.scale.1": {"nl": "Helemaal oneens", "en": "Strongly disagree"},
    "kit.scale.2": {"nl": "Oneens", "en": "Disagree"},
    "kit.scale.3": {"nl": "Neutraal", "en": "Neither agree nor disagree"},
    "kit.scale.4": {"nl": "Eens", "en": "Agree"},
    "kit.scale.5": {"nl": "Helemaal eens", "en": "Strongly agree"},
    "kit.and": {"nl": "en", "en": "and"},
    # -- the five conditions and their statements ---------------------------------------------
    "condition.ambition": {"nl": "Ambitie", "en": "Ambition"},
    "condition.interests": {"nl": "Belangen", "en": "Interests"},
    "condition.relationship": {"nl": "Relatie", "en": "Relationship"},
    "condition.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "condition.process": {"nl": "Proces", "en": "Process"},
    "condition.ambition.question": {
        "nl": "Delen we een ambitie?", "en": "Do we share an ambition?",
    },
    "condition.interests.question": {
        "nl": "Doen we recht aan ieders belangen?", "en": "Are everyone's interests done justice?",
    },
    "condition.relationship.question": {
        "nl": "Vertrouw ik de anderen, en vertrouwen zij mij?", "en": "Do I trust the others, and do they trust me?",
    },
    "condition.organisation.question": {
        "nl": "Is de samenwerking logisch georganiseerd?", "en": "Is the collaboration organised logically?",
    },
    "condition.process.question": {
        "nl": "Is er een proces dat ons vooruit helpt?", "en": "Is there a process that moves us forward?",
    },
    "kit.item.AMB1": {
        "nl": "We hebben in deze samenwerking een gezamenlijk doel dat ik in eigen woorden kan uitleggen.",
        "en": "In this collaboration we share a goal that I can explain in my own words.",
    },
    "kit.item.AMB2": {
        "nl": "Wat we met deze samenwerking willen bereiken, is de moeite waard voor mijn eigen werk.",
        "en": "What we want to achieve with this collaboration is worth it for my own work.",
    },
    "kit.item.AMB3": {
        "nl": "De andere afdelingen willen met deze samenwerking hetzelfde bereiken als wij.",
        "en": "The other departments want to achieve the same with this collaboration as we do.",
    },
    "kit.item.INT1": {
        "nl": "Het belang van mijn afdeling krijgt in deze samenwerking voldoende aandacht.",
        "en": "The interests of my department get enough attention in this collaboration.",
    },
    "kit.item.INT2": {
        "nl": "Ik weet wat de andere afdelingen voor hun eigen werk uit deze samenwerking willen halen.",
        "en": "I know what the other departments want to get out of this collaboration for their own work.",
    },
    "kit.item.INT3": {
        "nl": "Lusten en lasten van deze samenwerking zijn eerlijk verdeeld.",
        "en": "The benefits and burdens of this collaboration are shared fairly.",
    },
    "kit.item.REL1": {
        "nl": "Ik vertrouw erop dat collega's van de andere afdelingen doen wat ze toezeggen.",
        "en": "I trust colleagues from the other departments to do what they promise.",
    },
    "kit.item.REL2": {
        "nl": "Collega's van de andere afdelingen vertrouwen erop dat ik doe wat ik toezeg.",
        "en": "Colleagues from the other departments trust me to do what I promise.",
    },
    "kit.item.REL3": {
        "nl": "Ik ken de collega's met wie ik in deze samenwerking te maken heb persoonlijk.",
        "en": "I know the colleagues I deal with in this collaboration personally.",
    },
    "kit.item.ORG1": {
        "nl": "Het is duidelijk wie in deze samenwerking waarover beslist.",
        "en": "It is clear who decides what in this collaboration.",
    },
    "kit.item.ORG2": {
        "nl": "Taken, mandaat en tijd voor deze samenwerking zijn goed geregeld.",
        "en": "Tasks, mandate and time for this collaboration are well arranged.",
    },
    "kit.item.PRO1": {
        "nl": "De overdracht van werk tussen onze afdelingen verloopt soepel.",
        "en": "Handing work over between our departments goes smoothly.",
    },
    "kit.item.PRO2": {
        "nl": "We bespreken regelmatig samen hoe de samenwerking loopt en sturen bij.",
        "en": "We regularly discuss together how the collaboration is going, and adjust it.",
    },
    "kit.item.PRO3": {
        "nl": "Als er iets misgaat tussen onze afdelingen, weten we elkaar snel te vinden.",
        "en": "When something goes wrong between our departments, we quickly find each other.",
    },
    "kit.source": {
        "nl": "De vijf voorwaarden (ambitie, belangen, relatie, organisatie, proces) komen uit het model van Common "
        "Eye (Kaats en Opheij 2012), zoals gebruikt in de workshop ‘Beter samenwerken’ van het A&O-fonds "
        "Gemeenten. De uitspraken zijn voor ona geschreven voor collega's in een organisatie; het zijn niet de "
        "oorspronkelijke vragen van Common Eye.",
        "en": "The five conditions (ambition, interests, relationship, organisation, process) come from the Common "
        "Eye model (Kaats and Opheij 2012), as used in the A&O-fonds Gemeenten workshop ‘Beter samenwerken’ "
        "(working together better). The statements were written for ona, for colleagues within one organisation; "
        "they are not Common Eye's original questions.",
    },
    "kit.reference": {
        "nl": "Kaats, Edwin, en Wilfrid Opheij. 2012. Leren samenwerken tussen organisaties: Samenwerken is "
        "mensenwerk. Deventer: Kluwer. — A&O-fonds Gemeenten, workshop ‘Beter samenwerken’.",
        "en": "Kaats, Edwin, and Wilfrid Opheij. 2012. Leren samenwerken tussen organisaties: Samenwerken is "
        "mensenwerk. Deventer: Kluwer. — A&O-fonds Gemeenten, workshop ‘Beter samenwerken’.",
    },
    # -- invitation and privacy statement ------------------------------------------------------
    "kit.invitation.subject": {
        "nl": "Hoe werken we samen? Vul de vragenlijst in (± {minutes} minuten)",
        "en": "How do we work together? Please fill in the questionnaire (about {minutes} minutes)",
    },
    "kit.invitation.body": {
        "nl": "Beste collega,\n\n"
        "Hoe werken we in {organisation} eigenlijk samen? Bij wie haal je advies, wie vertrouw je, met wie werk "
        "je wekelijks samen, en hoe loopt de samenwerking tussen afdelingen? Met jouw antwoorden zien we waar "
        "samenwerking goed gaat en waar afdelingen langs elkaar heen werken, zodat we daar samen iets aan kunnen "
        "doen.\n\n"
        "De vragenlijst duurt ongeveer {minutes} minuten. Je noemt collega's bij naam; dat is nodig om te zien "
        "hoe afdelingen met elkaar verbonden zijn. Leidinggevenden zien nooit wie wie noemde: zij zien alleen "
        "overzichten van groepen van minstens {k} mensen. Lees in de privacyverklaring hieronder precies wat "
        "we vragen, wie wat ziet en hoe lang we de gegevens bewaren.\n\n"
        "Meedoen is vrijwillig. Hoe meer collega's meedoen, hoe betrouwbaarder het beeld.\n\n"
        "Vul de vragenlijst in vóór {deadline}: [link naar de vragenlijst]\n\n"
        "Vragen? Neem contact op met {contact}.\n\n"
        "Met vriendelijke groet,\n{sender}",
        "en": "Dear colleague,\n\n"
        "How do we actually work together at {organisation}? Whom do you go to for advice, whom do you trust, "
        "whom do you work with every week, and how does the collaboration between departments go? Your answers "
        "show where collaboration works and where departments work past each other, so that we can do something "
        "about it together.\n\n"
        "The questionnaire takes about {minutes} minutes. You name colleagues; that is needed to see how "
        "departments are connected. Managers never see who named whom: they only see summaries of groups of at "
        "least {k} people. The privacy statement below says exactly what we ask, who sees what and how long we "
        "keep the data.\n\n"
        "Taking part is voluntary. The more colleagues take part, the more reliable the picture.\n\n"
        "Please fill in the questionnaire before {deadline}: [link to the questionnaire]\n\n"
        "Questions? Contact {contact}.\n\n"
        "Kind regards,\n{sender}",
    },
    "kit.invitation.deadline": {"nl": "[datum]", "en": "[date]"},
    "kit.invitation.contact": {"nl": "[naam en e-mailadres van HR]", "en": "[name and e-mail address at HR]"},
    "kit.invitation.sender": {"nl": "[naam], HR", "en": "[name], HR"},
    "kit.privacy.title": {"nl": "Privacyverklaring netwerkonderzoek", "en": "Privacy statement for the network survey"},
    "kit.privacy.body": {
        "nl": "**Waarom.** {organisation} wil zien hoe afdelingen samenwerken, om samenwerking te verbeteren. Het "
        "onderzoek beoordeelt geen personen en wordt niet gebruikt in beoordelings- of functioneringsgesprekken.\n\n"
        "**Wat we vragen.** {asked}\n\n"
        "**Wie wat ziet.** Alleen het onderzoeksteam van HR ({contact}) ziet de ruwe antwoorden, en werkt ermee in "
        "ona op een beveiligde werkplek. Leidinggevenden zien geen individuele antwoorden: alleen overzichten per "
        "groep van minstens {k} mensen; kleinere groepen worden samengevoegd of niet getoond. Collega's die geen "
        "toestemming gaven, verschijnen in overzichten voor leidinggevenden alleen onder een pseudoniem. Wie jou "
        "noemde, of wie jij noemde, wordt aan niemand buiten het onderzoeksteam getoond.\n\n"
        "**Hoe lang.** De ruwe antwoorden bewaren we {months} maanden na het sluiten van de vragenlijst, om een "
        "tweede meting te kunnen vergelijken; daarna verwijderen we ze. Overzichten per groep bewaren we langer.\n\n"
        "**Vrijwillig.** Meedoen is vrijwillig; je kunt vragen overslaan. Niet meedoen heeft geen gevolgen.\n\n"
        "**Je rechten.** Je kunt je antwoorden inzien, laten corrigeren of laten verwijderen via {contact}. Heb je "
        "een klacht, dan kun je terecht bij de functionaris gegevensbescherming van {organisation}.",
        "en": "**Why.** {organisation} wants to see how departments work together, in order to improve "
        "collaboration. The survey does not assess individuals and is not used in appraisals or performance "
        "reviews.\n\n"
        "**What we ask.** {asked}\n\n"
        "**Who sees what.** Only HR's survey team ({contact}) sees the raw answers, and works with them in ona on "
        "a secure workstation. Managers see no individual answers: only summaries per group of at least {k} "
        "people; smaller groups are merged or not shown. Colleagues who did not consent appear in managers' "
        "views only under a pseudonym. Who named you, or whom you named, is shown to no one outside the survey "
        "team.\n\n"
        "**How long.** We keep the raw answers for {months} months after the survey closes, to compare a second "
        "wave; then we delete them. Summaries per group are kept longer.\n\n"
        "**Voluntary.** Taking part is voluntary; you may skip questions. Not taking part has no consequences.\n\n"
        "**Your rights.** You can see, correct or delete your answers through {contact}. For a complaint, contact "
        "the data protection officer of {organisation}.",
    },
    "kit.privacy.asked.network": {
        "nl": "Bij wie je advies haalt, met wie je een gevoelige werkkwestie zou bespreken en met wie je wekelijks "
        "samenwerkt (je noemt collega's bij naam).",
        "en": "Whom you go to for advice, with whom you would discuss a sensitive work matter, and whom you work "
        "with every week (you name colleagues).",
    },
    "kit.privacy.asked.perception": {
        "nl": "Wie volgens jou bij jou komen voor advies of een gevoelige kwestie.",
        "en": "Who you think come to you for advice or with a sensitive matter.",
    },
    "kit.privacy.asked.groups": {
        "nl": "Van welke {groups} je afhankelijk bent.",
        "en": "Which {groups} you depend on.",
    },
    "kit.privacy.asked.conditions": {
        "nl": "Hoe je de samenwerking {collaborations} ervaart (uitspraken over ambitie, belangen, relatie, "
        "organisatie en proces).",
        "en": "How you experience the collaboration {collaborations} (statements about ambition, interests, "
        "relationship, organisation and process).",
    },
    "kit.privacy.asked.email": {
        "nl": "Je e-mailadres, alleen om je antwoorden aan de personeelslijst te koppelen.",
        "en": "Your e-mail address, only to link your answers to the staff list.",
    },
    # -- the kit's guides ----------------------------------------------------------------------
    "kit.readme.title": {"nl": "Enquêtepakket van ona", "en": "ona's survey kit"},
    "kit.readme.intro": {
        "nl": "Deze map bevat de netwerkenquête voor {organisation}, door ona ontworpen uit de personeelslijst"
        "{collaborations}. Antwoorden die met deze vragenlijst zijn verzameld, leest ona zonder koppelen in: "
        "upload de export van het enquêteplatform samen met de personeelslijst.",
        "en": "This folder holds the network survey for {organisation}, designed by ona from the staff roster"
        "{collaborations}. Answers collected with this questionnaire load in ona with nothing to map: upload the "
        "survey platform's export together with the staff roster.",
    },
    "kit.readme.collaborations": {
        "nl": " en de verwachte samenwerkingen", "en": " and the declared collaborations",
    },
    "kit.readme.files": {"nl": "Bestanden", "en": "Files"},
    "kit.file.lss": {
        "nl": "LimeSurvey (3 t/m 6): importeren via Enquête maken › Importeren.",
        "en": "LimeSurvey (3 to 6): import through Create survey › Import.",
    },
    "kit.file.qsf": {
        "nl": "Qualtrics: importeren via Enquête maken › Vanuit een bestand (Import a QSF file).",
        "en": "Qualtrics: import through Create survey › From a file (Import a QSF file).",
    },
    "kit.file.msforms": {
        "nl": "Microsoft Forms: stap voor stap, met de exacte teksten.",
        "en": "Microsoft Forms: step by step, with the exact texts.",
    },
    "kit.file.googleforms": {
        "nl": "Google Formulieren: stap voor stap, met de exacte teksten.",
        "en": "Google Forms: step by step, with the exact texts.",
    },
    "kit.file.surveymonkey": {
        "nl": "SurveyMonkey: stap voor stap, met de exacte teksten.",
        "en": "SurveyMonkey: step by step, with the exact texts.",
    },
    "kit.file.options": {
        "nl": "De keuzelijsten om te plakken (één optie per regel).",
        "en": "The option lists to paste (one option per line).",
    },
    "kit.file.invitation": {"nl": "De uitnodiging om te versturen.", "en": "The invitation to send."},
    "kit.file.privacy": {"nl": "De privacyverklaring.", "en": "The privacy statement."},
    "kit.file.questionnaire": {
        "nl": "De hele vragenlijst als leesbare tekst, om te laten controleren.",
        "en": "The whole questionnaire as readable text, for review.",
    },
    "kit.readme.export": {
        "nl": "Na afloop: exporteer de antwoorden zoals hieronder staat en lees ze in met "
        "`ona analyze EXPORT --roster PERSONEELSLIJST{expected} -o uitkomsten` of upload ze in de app.",
        "en": "Afterwards: export the answers as described below and read them with "
        "`ona analyze EXPORT --roster ROSTER{expected} -o results` or upload them in the app.",
    },
    "kit.export.limesurvey": {
        "nl": "LimeSurvey: Antwoorden › Exporteren › CSV, met koppen ‘Volledige vraagtekst’ en antwoorden "
        "‘Volledige antwoorden’ (of codes, en geef dan ook het .lss-bestand aan ona).",
        "en": "LimeSurvey: Responses › Export › CSV, with headings ‘Full question text’ and answers ‘Full answers’ "
        "(or codes, and then give ona the .lss file too).",
    },
    "kit.export.qualtrics": {
        "nl": "Qualtrics: Data en analyse › Exporteren › CSV, met ‘Keuzetekst gebruiken’ (Use choice text).",
        "en": "Qualtrics: Data & Analysis › Export & Import › Export data › CSV, with ‘Use choice text’.",
    },
    "kit.export.msforms": {
        "nl": "Microsoft Forms: Antwoorden › Openen in Excel; upload dat Excel-bestand.",
        "en": "Microsoft Forms: Responses › Open in Excel; upload that Excel file.",
    },
    "kit.export.googleforms": {
        "nl": "Google Formulieren: Reacties › Koppelen aan Spreadsheets; daar Bestand › Downloaden › CSV.",
        "en": "Google Forms: Responses › Link to Sheets; there File › Download › CSV.",
    },
    "kit.export.surveymonkey": {
        "nl": "SurveyMonkey: Resultaten analyseren › Opslaan als › Exportbestand › Alle antwoordgegevens, als CSV "
        "(of XLS) met de standaardkolommen (uitgevouwen) en de antwoordteksten; upload dat bestand.",
        "en": "SurveyMonkey: Analyze Results › Save as › Export file › All responses data, as CSV (or XLS) with the "
        "default (expanded) columns and the answer texts; upload that file.",
    },
    "kit.guide.msforms.title": {
        "nl": "De vragenlijst bouwen in Microsoft Forms", "en": "Building the questionnaire in Microsoft Forms",
    },
    "kit.guide.googleforms.title": {
        "nl": "De vragenlijst bouwen in Google Formulieren", "en": "Building the questionnaire in Google Forms",
    },
    "kit.guide.msforms.setup": {
        "nl": "1. Ga naar forms.office.com en kies **Nieuw formulier**. Titel: **{title}**. Beschrijving: plak de "
        "welkomsttekst hieronder.\n"
        "2. Kies **…** › **Instellingen**: zet **Alleen personen in mijn organisatie kunnen antwoorden** aan, en "
        "daaronder **Naam vastleggen**. Zo weet ona wie antwoordde; je hoeft niet naar het e-mailadres te vragen.\n"
        "3. Voeg de vragen hieronder toe, in deze volgorde, met precies deze teksten. Een keuzelijst plak je in één "
        "keer: kopieer het bestand uit de map `opties`, klik in het eerste optieveld en plak; Forms maakt van elke "
        "regel een optie.\n"
        "4. Zet bij een Likert-vraag de uitspraken precies zo neer als hieronder, mét de naam van de samenwerking "
        "ervoor: de Excel-export van Forms bewaart alleen de tekst van de uitspraak.",
        "en": "1. Go to forms.office.com and choose **New Form**. Title: **{title}**. Description: paste the welcome "
        "text below.\n"
        "2. Choose **…** › **Settings**: switch on **Only people in my organization can respond**, and below it "
        "**Record name**. That tells ona who answered; you need not ask for the e-mail address.\n"
        "3. Add the questions below, in this order, with exactly these texts. Paste an option list in one go: copy "
        "the file from the `options` folder, click in the first option field and paste; Forms makes one option "
        "per line.\n"
        "4. In a Likert question, write the statements exactly as below, with the collaboration's name in front: "
        "Forms' Excel export keeps only the statement's text.",
    },
    "kit.guide.googleforms.setup": {
        "nl": "1. Ga naar forms.google.com en kies **Leeg formulier**. Titel: **{title}**. Beschrijving: plak de "
        "welkomsttekst hieronder.\n"
        "2. Kies **Instellingen** › **Reacties**: zet **E-mailadressen verzamelen** op **Geverifieerd**. Zo weet ona "
        "wie antwoordde; je hoeft niet naar het e-mailadres te vragen.\n"
        "3. Voeg de vragen hieronder toe, in deze volgorde, met precies deze teksten. Een keuzelijst plak je in één "
        "keer: kopieer het bestand uit de map `opties`, klik in het eerste optieveld en plak; Google maakt van elke "
        "regel een optie.",
        "en": "1. Go to forms.google.com and choose **Blank form**. Title: **{title}**. Description: paste the "
        "welcome text below.\n"
        "2. Choose **Settings** › **Responses**: set **Collect email addresses** to **Verified**. That tells ona "
        "who answered; you need not ask for the e-mail address.\n"
        "3. Add the questions below, in this order, with exactly these texts. Paste an option list in one go: copy "
        "the file from the `options` folder, click in the first option field and paste; Google makes one option "
        "per line.",
    },
    "kit.guide.surveymonkey.title": {
        "nl": "De vragenlijst bouwen in SurveyMonkey", "en": "Building the questionnaire in SurveyMonkey",
    },
    "kit.guide.surveymonkey.setup": {
        "nl": "1. Ga naar surveymonkey.com en kies **Enquête maken** › **Zelf opbouwen**. Titel: **{title}**. Plak "
        "de welkomsttekst hieronder in een **Tekst**-blok bovenaan de eerste pagina.\n"
        "2. Voeg de vragen hieronder toe, in deze volgorde, met precies deze teksten. Een keuzelijst plak je in één "
        "keer: kies onder de antwoordopties **Antwoorden in bulk bewerken**, kopieer het bestand uit de map `opties` "
        "en plak; SurveyMonkey maakt van elke regel een optie. Zet **Optie ‘Anders’** uit.\n"
        "3. Verstuur de enquête met de collector **Uitnodiging per e-mail** aan de mensen op de personeelslijst. Zo "
        "staat bij elk antwoord het e-mailadres en weet ona wie antwoordde; je hoeft er niet naar te vragen.",
        "en": "1. Go to surveymonkey.com and choose **Create survey** › **Start from scratch**. Title: **{title}**. "
        "Paste the welcome text below into a **Text** block at the top of the first page.\n"
        "2. Add the questions below, in this order, with exactly these texts. Paste an option list in one go: below "
        "the answer choices choose **Bulk answer editing**, copy the file from the `options` folder and paste; "
        "SurveyMonkey makes one option per line. Switch off the **Other** option.\n"
        "3. Send the survey with the **Email invitation** collector to the people on the roster. Then every answer "
        "carries its e-mail address and ona knows who answered; you need not ask for it.",
    },
    "kit.guide.welcome": {"nl": "Welkomsttekst", "en": "Welcome text"},
    "kit.guide.question": {"nl": "Vraag {number}", "en": "Question {number}"},
    "kit.guide.type": {"nl": "Soort", "en": "Type"},
    "kit.guide.text": {"nl": "Vraagtekst", "en": "Question text"},
    "kit.guide.subtitle": {"nl": "Ondertitel", "en": "Subtitle"},
    "kit.guide.options": {"nl": "Opties: plak `{file}` ({count} opties)", "en": "Options: paste `{file}` ({count} options)"},
    "kit.guide.statements": {"nl": "Uitspraken (rijen)", "en": "Statements (rows)"},
    "kit.guide.scale": {"nl": "Schaal (kolommen)", "en": "Scale (columns)"},
    "kit.guide.required": {"nl": "Verplicht: uit.", "en": "Required: off."},
    "kit.guide.export": {"nl": "Na afloop", "en": "Afterwards"},
    "kit.guide.msforms.type.list": {
        "nl": "**Keuze**, met **Meerdere antwoorden** aan", "en": "**Choice**, with **Multiple answers** on",
    },
    "kit.guide.msforms.type.text": {"nl": "**Tekst**, met **Lang antwoord** aan", "en": "**Text**, with **Long answer** on"},
    "kit.guide.msforms.type.likert": {"nl": "**Likert**", "en": "**Likert**"},
    "kit.guide.googleforms.type.list": {"nl": "**Selectievakjes**", "en": "**Checkboxes**"},
    "kit.guide.googleforms.type.text": {"nl": "**Alinea**", "en": "**Paragraph**"},
    "kit.guide.googleforms.type.likert": {
        "nl": "**Raster met meerkeuzevragen** (één antwoord per rij)",
        "en": "**Multiple choice grid** (one answer per row)",
    },
    "kit.guide.surveymonkey.type.list": {"nl": "**Selectievakjes**", "en": "**Checkboxes**"},
    "kit.guide.surveymonkey.type.text": {"nl": "**Tekstvak voor opmerkingen**", "en": "**Comment Box**"},
    "kit.guide.surveymonkey.type.likert": {
        "nl": "**Matrix/beoordelingsschaal** (één antwoord per rij)",
        "en": "**Matrix/Rating Scale** (one answer per row)",
    },
    "kit.questionnaire.title": {"nl": "De vragenlijst", "en": "The questionnaire"},
    "kit.cli.written": {
        "nl": "Enquêtepakket ({lang}) met {questions} vragen geschreven naar {folder}: {files}.",
        "en": "Wrote the survey kit ({lang}) with {questions} questions to {folder}: {files}.",
    },
    # -- relations of the collaboration scan ---------------------------------------------------
    "relation.perceived_advice": {"nl": "advies (zoals zelf gezien)", "en": "advice (as seen by oneself)"},
    "relation.perceived_trust": {"nl": "vertrouwen (zoals zelf gezien)", "en": "trust (as seen by oneself)"},
    "relation.depends_on": {"nl": "afhankelijk van", "en": "depends on"},
    # -- tables of the scan --------------------------------------------------------------------
    "conditions.all_groups": {"nl": "(alle afdelingen)", "en": "(all departments)"},
    "conditions.other_groups": {"nl": "(andere afdelingen)", "en": "(other departments)"},
    "conditions.column.collaboration": {"nl": "samenwerking", "en": "collaboration"},
    "conditions.column.group": {"nl": "groep", "en": "group"},
    "conditions.column.condition": {"nl": "voorwaarde", "en": "condition"},
    "conditions.column.mean": {"nl": "gemiddelde", "en": "mean"},
    "conditions.column.sd": {"nl": "spreiding", "en": "spread"},
    "conditions.column.n": {"nl": "antwoorden", "en": "answers"},
    "conditions.column.response": {"nl": "respons", "en": "response"},
    # -- the collaboration view and the joint process analysis sheet ---------------------------
    "collab.title": {"nl": "Samenwerkingen", "en": "Collaborations"},
    "collab.intro": {
        "nl": "Per samenwerking: hoe de betrokken afdelingen de vijf voorwaarden voor samenwerken ervaren (ambitie, "
        "belangen, relatie, organisatie, proces) en wat het netwerk laat zien.",
        "en": "For each collaboration: how the departments involved experience the five conditions of working "
        "together (ambition, interests, relationship, organisation, process) and what the network shows.",
    },
    "collab.none": {
        "nl": "Er zijn geen samenwerkingen opgegeven. Upload verwachte samenwerkingen (samenwerking,afdeling) om ze "
        "hier te zien.",
        "en": "No collaborations were declared. Upload declared collaborations (collaboration,group) to see them "
        "here.",
    },
    "collab.no_conditions": {
        "nl": "Voor deze samenwerking zijn geen antwoorden over de vijf voorwaarden. Het enquêtepakket van ona vraagt "
        "ernaar.",
        "en": "There are no answers about the five conditions for this collaboration. ona's survey kit asks about "
        "them.",
    },
    "collab.groups": {"nl": "Betrokken: {groups}", "en": "Involved: {groups}"},
    "collab.scores": {"nl": "De vijf voorwaarden per afdeling (1 = helemaal oneens, 5 = helemaal eens)",
                      "en": "The five conditions per department (1 = strongly disagree, 5 = strongly agree)"},
    "collab.best_weakest": {
        "nl": "Sterkst: {best} ({best_score}). Zwakst: {weakest} ({weakest_score}).",
        "en": "Strongest: {best} ({best_score}). Weakest: {weakest} ({weakest_score}).",
    },
    "collab.network": {"nl": "Wat het netwerk laat zien", "en": "What the network shows"},
    "collab.ties": {"nl": "Banden tussen de afdelingen", "en": "Ties between the departments"},
    "collab.ties.row": {
        "nl": "{relation}: {observed}, waar er ongeveer {expected} te verwachten zijn ({ratio})",
        "en": "{relation}: {observed}, where about {expected} would be expected ({ratio})",
    },
    "collab.others": {
        "nl": "Uit andere afdelingen antwoordden ook: {count}. Hun antwoorden tellen mee in ‘alle afdelingen’.",
        "en": "From other departments, {count} answered too. Their answers count in ‘all departments’.",
    },
    "collab.reciprocity": {
        "nl": "Wederzijds vertrouwen tussen de afdelingen: {share} van de vertrouwensbanden wordt beantwoord.",
        "en": "Mutual trust between the departments: {share} of the trust ties are returned.",
    },
    "collab.perception": {
        "nl": "{group} denkt {perceived} keer vertrouwd te worden en wordt {actual} keer vertrouwd.",
        "en": "{group} believes it is trusted {perceived} times and is trusted {actual} times.",
    },
    "collab.findings": {"nl": "Bevindingen en suggesties", "en": "Findings and suggestions"},
    "collab.sheet": {"nl": "Gezamenlijke procesanalyse", "en": "Joint process analysis"},
    "collab.sheet.title": {
        "nl": "Gezamenlijke procesanalyse: {a} en {b}", "en": "Joint process analysis: {a} and {b}",
    },
    "collab.sheet.intro": {
        "nl": "Een werkblad voor een werksessie van {a} en {b}: wie de overdrachten tussen jullie dragen, jullie "
        "banden per relatie, hoe jullie de voorwaarden ervaren, en de vragen om samen te bespreken.",
        "en": "A worksheet for a working session of {a} and {b}: who carries the hand-offs between you, your ties "
        "per relation, how you experience the conditions, and the questions to discuss together.",
    },
    "collab.sheet.carriers": {"nl": "Wie de overdrachten dragen", "en": "Who carries the hand-offs"},
    "collab.sheet.carriers.none": {
        "nl": "Er zijn geen banden tussen {a} en {b}: niemand draagt de overdrachten.",
        "en": "There are no ties between {a} and {b}: nobody carries the hand-offs.",
    },
    "collab.sheet.carriers.hidden": {
        "nl": "Namen worden niet getoond in deze weergave.", "en": "Names are not shown in this view.",
    },
    "collab.sheet.ties": {"nl": "Banden per relatie", "en": "Ties per relation"},
    "collab.sheet.conditions": {"nl": "De vijf voorwaarden", "en": "The five conditions"},
    "collab.sheet.questions": {"nl": "Vragen voor de werksessie", "en": "Questions for the working session"},
    "collab.sheet.q1": {
        "nl": "Welke drie overdrachten tussen {a} en {b} zijn het belangrijkst voor onze inwoners? Wie doet wat, "
        "en waar loopt het vast?",
        "en": "Which three hand-offs between {a} and {b} matter most to the people we serve? Who does what, and "
        "where does it get stuck?",
    },
    "collab.sheet.q2": {
        "nl": "Wat is ons gezamenlijke doel, in één zin die beide afdelingen onderschrijven?",
        "en": "What is our shared goal, in one sentence both departments subscribe to?",
    },
    "collab.sheet.q3": {
        "nl": "Wat heeft ieder van ons nodig van de ander, en wat levert de samenwerking ieder op?",
        "en": "What does each of us need from the other, and what does the collaboration give each of us?",
    },
    "collab.sheet.q4": {
        "nl": "Wie kennen elkaar al, en wie zou elkaar moeten leren kennen? Wie wordt ambassadeur?",
        "en": "Who already know each other, and who should get to know each other? Who will be an ambassador?",
    },
    "collab.sheet.q5": {
        "nl": "Waar scoort {weakest} laag, en wat zou daar over drie maanden anders moeten zijn?",
        "en": "Where does {weakest} score low, and what should be different there in three months?",
    },
    "collab.sheet.column.person": {"nl": "persoon", "en": "person"},
    "collab.sheet.column.group": {"nl": "afdeling", "en": "department"},
    "collab.sheet.column.ties": {"nl": "banden naar de andere afdeling", "en": "ties to the other department"},
    "collab.sheet.column.relations": {"nl": "relaties", "en": "relations"},
    "collab.sheet.column.relation": {"nl": "relatie", "en": "relation"},
    "collab.sheet.column.a_to_b": {"nl": "{a} → {b}", "en": "{a} → {b}"},
    "collab.sheet.column.b_to_a": {"nl": "{b} → {a}", "en": "{b} → {a}"},
    "collab.sheet.column.expected": {"nl": "te verwachten", "en": "expected"},
    "collab.sheet.column.share": {"nl": "deel van verwacht", "en": "share of expected"},
    "collab.sheet.pick": {"nl": "Welke twee afdelingen?", "en": "Which two departments?"},
    "collab.sheet.print": {
        "nl": "Druk dit werkblad af met de afdrukfunctie van je browser (Ctrl+P), of download het.",
        "en": "Print this worksheet with your browser's print function (Ctrl+P), or download it.",
    },
    "collab.chart.png": {"nl": "Grafiek downloaden (PNG)", "en": "Download chart (PNG)"},
    "collab.chart.svg": {"nl": "Grafiek downloaden (SVG)", "en": "Download chart (SVG)"},
    "collab.sheet.download": {"nl": "Werkblad downloaden (HTML)", "en": "Download worksheet (HTML)"},
    "collab.pick": {"nl": "Samenwerking", "en": "Collaboration"},
    "collab.hidden_groups": {
        "nl": "{count} afdeling(en) met minder dan {k} antwoorden worden niet apart getoond.",
        "en": "{count} department(s) with fewer than {k} answers are not shown separately.",
    },
    # -- findings about conditions and perception ---------------------------------------------
    "finding.kit.title.condition_weak": {"nl": "Zwakke voorwaarde", "en": "Weak condition"},
    "finding.kit.title.condition_divergence": {"nl": "Verschillend beeld", "en": "Seen differently"},
    "finding.kit.title.condition_change": {"nl": "Voorwaarde veranderd", "en": "Condition changed"},
    "finding.kit.title.unrecognised_trust": {"nl": "Onopgemerkt vertrouwen", "en": "Unrecognised trust"},
    "finding.kit.title.overestimated_trust": {"nl": "Overschat vertrouwen", "en": "Overestimated trust"},
    "finding.kit.condition_weak": {
        "nl": "{collaboration}: {condition} scoort het laagst ({mean} van 5, {n} antwoorden); {best} het hoogst "
        "({best_mean}).{network}",
        "en": "{collaboration}: {condition} scores lowest ({mean} of 5, {n} answers); {best} highest "
        "({best_mean}).{network}",
    },
    "finding.kit.network": {
        "nl": " {relation} tussen {a} en {b} is {ratio} van wat te verwachten is ({observed}, waar er ongeveer "
        "{expected} te verwachten zijn).",
        "en": " {relation} between {a} and {b} is {ratio} of what would be expected ({observed}, where about "
        "{expected} would be expected).",
    },
    "finding.kit.condition_divergence": {
        "nl": "{collaboration}: {lower} ziet ‘{condition}’ heel anders dan {higher} ({lower_mean} tegen "
        "{higher_mean} van 5).",
        "en": "{collaboration}: {lower} sees ‘{condition}’ very differently from {higher} ({lower_mean} against "
        "{higher_mean} of 5).",
    },
    "finding.kit.condition_change.up": {
        "nl": "{collaboration}: {condition} is verbeterd van {before} naar {after} van 5 (meting {wave_before} tot "
        "{wave_after}).",
        "en": "{collaboration}: {condition} improved from {before} to {after} of 5 (wave {wave_before} to "
        "{wave_after}).",
    },
    "finding.kit.condition_change.down": {
        "nl": "{collaboration}: {condition} is achteruitgegaan van {before} naar {after} van 5 (meting "
        "{wave_before} tot {wave_after}).",
        "en": "{collaboration}: {condition} declined from {before} to {after} of 5 (wave {wave_before} to "
        "{wave_after}).",
    },
    "finding.kit.unrecognised_trust": {
        "nl": "Collega's vertrouwen mensen in {group} vaker dan zij zelf weten: van de {actual} keer dat een collega "
        "een gevoelige werkkwestie met iemand uit {group} zou bespreken, verwachtte die persoon dat {misses} keer "
        "niet ({share}).",
        "en": "Colleagues trust people in {group} more often than they know: of the {actual} times a colleague "
        "would discuss a sensitive work matter with someone in {group}, that person did not expect it {misses} "
        "times ({share}).",
    },
    "finding.kit.overestimated_trust": {
        "nl": "{group} denkt vaker vertrouwd te worden dan het is: de mensen in {group} verwachten {perceived} keer dat "
        "een collega een gevoelige werkkwestie met hen zou bespreken, maar collega's noemen hen {actual} keer (en "
        "maar {hits} keer komt het overeen).",
        "en": "{group} believes it is trusted more than it is: its people expect {perceived} times that a colleague "
        "would discuss a sensitive work matter with them, but colleagues name them {actual} times (and only "
        "{hits} times do the two match).",
    },
    "finding.kit.suggest.ambition.1": {
        "nl": "Begin overleggen vanuit de gedeelde ambitie: wat willen {groups} samen bereiken voor inwoners?",
        "en": "Start meetings from the shared ambition: what do {groups} want to achieve together for residents?",
    },
    "finding.kit.suggest.ambition.2": {
        "nl": "Formuleer samen één zin die zegt waarom deze samenwerking ertoe doet, en houd die bij elk overleg aan.",
        "en": "Write together one sentence that says why this collaboration matters, and hold on to it in every "
        "meeting.",
    },
    "finding.kit.suggest.interests.1": {
        "nl": "Maak belangen bespreekbaar: laat elke afdeling zeggen wat zij nodig heeft en wat de samenwerking haar "
        "oplevert.",
        "en": "Put interests on the table: let each department say what it needs and what the collaboration gives "
        "it.",
    },
    "finding.kit.suggest.interests.2": {
        "nl": "Maak zichtbaar hoe lusten en lasten verdeeld zijn, en verdeel ze opnieuw waar dat scheef is.",
        "en": "Make visible how benefits and burdens are shared, and share them again where that is lopsided.",
    },
    "finding.kit.suggest.relationship.1": {
        "nl": "Investeer in tijd, ontmoeting en echt kennismaken: vertrouwen groeit door samen te werken aan iets "
        "concreets.",
        "en": "Invest in time, interaction and real acquaintance: trust grows by working together on something "
        "concrete.",
    },
    "finding.kit.suggest.relationship.2": {
        "nl": "Laat ambassadeurs uit beide afdelingen klein beginnen en het als een olievlek laten verspreiden.",
        "en": "Let ambassadors from both departments start small and let it spread like an oil slick.",
    },
    "finding.kit.suggest.organisation.1": {
        "nl": "Maak afspraken over wie waarover beslist, en geef de samenwerking mandaat en tijd.",
        "en": "Agree who decides what, and give the collaboration a mandate and time.",
    },
    "finding.kit.suggest.organisation.2": {
        "nl": "Leg taken en aanspreekpunten per afdeling vast, zodat iedereen weet bij wie hij terechtkan.",
        "en": "Set down tasks and contact persons per department, so that everyone knows whom to turn to.",
    },
    "finding.kit.suggest.process.1": {
        "nl": "Analyseer samen de belangrijkste overdrachten tussen {groups}: wie doet wat, en waar loopt het vast? "
        "Het werkblad ‘gezamenlijke procesanalyse’ helpt daarbij.",
        "en": "Analyse together the key hand-offs between {groups}: who does what, and where does it get stuck? The "
        "‘joint process analysis’ worksheet helps.",
    },
    "finding.kit.suggest.process.2": {
        "nl": "Bespreek regelmatig samen hoe de samenwerking loopt en stuur bij: kort, vast en met beide afdelingen "
        "aan tafel.",
        "en": "Discuss regularly how the collaboration is going and adjust it: short, at fixed times, with both "
        "departments at the table.",
    },
    "finding.kit.suggest.divergence": {
        "nl": "Bespreek het verschil samen: laat beide afdelingen vertellen waarom zij ‘{condition}’ zo ervaren, "
        "voordat u oplossingen kiest.",
        "en": "Discuss the difference together: let both departments tell why they experience ‘{condition}’ as "
        "they do, before choosing solutions.",
    },
    "finding.kit.suggest.change_up": {
        "nl": "Houd vast wat werkte: benoem samen wat er veranderde en maak het tot gewoonte.",
        "en": "Hold on to what worked: name together what changed and make it a habit.",
    },
    "finding.kit.suggest.change_down": {
        "nl": "Ga na wat er veranderde sinds de vorige meting, met de mensen die het dagelijks merken.",
        "en": "Find out what changed since the previous wave, with the people who notice it every day.",
    },
    "finding.kit.suggest.unrecognised.1": {
        "nl": "Maak vertrouwen zichtbaar: laat collega's elkaar vertellen bij wie ze terechtkunnen, bijvoorbeeld in "
        "een teamsessie over samenwerking.",
        "en": "Make trust visible: let colleagues tell each other whom they turn to, for example in a team session "
        "about working together.",
    },
    "finding.kit.suggest.unrecognised.2": {
        "nl": "Wie niet weet dat anderen op hem bouwen, neemt die rol minder op zich: bespreek dit met de "
        "leidinggevenden van {group}.",
        "en": "People who do not know that others rely on them take that role up less: discuss this with the "
        "managers of {group}.",
    },
    "finding.kit.suggest.overestimated.1": {
        "nl": "Vraag na hoe anderen de samenwerking met {group} ervaren, voordat u aanneemt dat het vertrouwen er al "
        "is.",
        "en": "Ask how others experience working with {group}, before assuming that the trust is already there.",
    },
    "finding.kit.suggest.overestimated.2": {
        "nl": "Investeer in tijd, ontmoeting en echt kennismaken met de afdelingen waar {group} van afhangt.",
        "en": "Invest in time, interaction and real acquaintance with the departments {group} depends on.",
    },
    # -- evidence labels of these findings (merged into ona.findings.EVIDENCE_LABELS) ---------------------
    "finding.kit.evidence.condition": {"nl": "voorwaarde", "en": "condition"},
    "finding.kit.evidence.mean": {"nl": "gemiddelde", "en": "mean"},
    "finding.kit.evidence.n": {"nl": "antwoorden", "en": "answers"},
    "finding.kit.evidence.best": {"nl": "sterkste voorwaarde", "en": "strongest condition"},
    "finding.kit.evidence.best_mean": {"nl": "gemiddelde sterkste", "en": "mean of the strongest"},
    "finding.kit.evidence.means": {"nl": "gemiddelde per voorwaarde", "en": "mean per condition"},
    "finding.kit.evidence.pair": {"nl": "afdelingen", "en": "departments"},
    "finding.kit.evidence.pair_relation": {"nl": "relatie", "en": "relation"},
    "finding.kit.evidence.pair_ties": {"nl": "banden tussen hen", "en": "ties between them"},
    "finding.kit.evidence.pair_expected": {"nl": "te verwachten", "en": "expected"},
    "finding.kit.evidence.pair_ratio": {"nl": "deel van wat te verwachten is", "en": "share of what is expected"},
    "finding.kit.evidence.higher": {"nl": "hoogste", "en": "highest"},
    "finding.kit.evidence.higher_mean": {"nl": "gemiddelde hoogste", "en": "mean of the highest"},
    "finding.kit.evidence.higher_n": {"nl": "antwoorden hoogste", "en": "answers of the highest"},
    "finding.kit.evidence.lower": {"nl": "laagste", "en": "lowest"},
    "finding.kit.evidence.lower_mean": {"nl": "gemiddelde laagste", "en": "mean of the lowest"},
    "finding.kit.evidence.lower_n": {"nl": "antwoorden laagste", "en": "answers of the lowest"},
    "finding.kit.evidence.difference": {"nl": "verschil", "en": "difference"},
    "finding.kit.evidence.cohens_d": {"nl": "effectgrootte (Cohen’s d)", "en": "effect size (Cohen’s d)"},
    "finding.kit.evidence.direction": {"nl": "richting", "en": "direction"},
    "finding.kit.evidence.mean_before": {"nl": "gemiddelde eerst", "en": "mean before"},
    "finding.kit.evidence.mean_after": {"nl": "gemiddelde daarna", "en": "mean after"},
    "finding.kit.evidence.change_points": {"nl": "verandering (punten)", "en": "change (points)"},
    "finding.kit.evidence.n_before": {"nl": "antwoorden eerst", "en": "answers before"},
    "finding.kit.evidence.n_after": {"nl": "antwoorden daarna", "en": "answers after"},
    "finding.kit.evidence.waves": {"nl": "metingen", "en": "waves"},
    "finding.kit.evidence.perceivers": {"nl": "mensen die antwoordden", "en": "people who answered"},
    "finding.kit.evidence.actual": {"nl": "genoemd door collega’s", "en": "named by colleagues"},
    "finding.kit.evidence.perceived": {"nl": "zelf verwacht", "en": "expected themselves"},
    "finding.kit.evidence.hits": {"nl": "beide", "en": "both"},
    "finding.kit.evidence.misses": {"nl": "niet verwacht", "en": "not expected"},
    "finding.kit.evidence.false_alarms": {"nl": "verwacht maar niet genoemd", "en": "expected but not named"},
    "finding.kit.evidence.perceived_ratio": {"nl": "verwacht / genoemd", "en": "expected / named"},
    "finding.kit.evidence.unrecognised_share": {"nl": "aandeel niet verwacht", "en": "share not expected"},
    # -- the survey kit page -------------------------------------------------------------------
    "kitpage.title": {"nl": "Enquête ontwerpen", "en": "Design the survey"},
    "kitpage.intro": {
        "nl": "ona ontwerpt de netwerkenquête voor u, uit uw personeelslijst en de verwachte samenwerkingen: "
        "advies, vertrouwen en wekelijkse samenwerking, de vraag wie volgens iemand bij hem of haar komt, en per "
        "samenwerking de vijf voorwaarden. U krijgt een LimeSurvey- en een Qualtrics-bestand om te importeren, "
        "stappen met de exacte teksten voor Microsoft Forms, Google Formulieren en SurveyMonkey, een uitnodiging en een "
        "privacyverklaring. De antwoorden leest ona daarna zonder koppelen in.",
        "en": "ona designs the network survey for you, from your staff roster and the declared collaborations: "
        "advice, trust and weekly collaboration, the question who someone thinks comes to them, and the five "
        "conditions for each collaboration. You get a LimeSurvey and a Qualtrics file to import, steps with the "
        "exact texts for Microsoft Forms, Google Forms and SurveyMonkey, an invitation and a privacy statement. ona "
        "then reads the answers with nothing to map.",
    },
    "app.page.collaboration": {"nl": "Samenwerkingen", "en": "Collaborations"},
    "app.page.kit": {"nl": "Enquête ontwerpen", "en": "Design the survey"},
    "kitpage.not_here": {
        "nl": "De enquête ontwerpt HR: deze weergave heeft geen personeelslijst.",
        "en": "HR designs the survey: this view has no staff roster.",
    },
    "kitpage.roster": {"nl": "Personeelslijst (CSV of XLSX)", "en": "Staff roster (CSV or XLSX)"},
    "kitpage.need_roster": {
        "nl": "Upload de personeelslijst om de enquête te ontwerpen.",
        "en": "Upload the staff roster to design the survey.",
    },
    "kitpage.using": {
        "nl": "Ontworpen voor de gegevens die nu open zijn: {title}. Upload hierboven een andere personeelslijst om "
        "voor uw eigen organisatie te ontwerpen.",
        "en": "Designed for the data now open: {title}. Upload another staff roster above to design for your own "
        "organisation.",
    },
    "kitpage.building": {"nl": "Enquête ontwerpen…", "en": "Designing the survey…"},
    "kitpage.language": {"nl": "Taal van de vragenlijst", "en": "Language of the questionnaire"},
    "kitpage.organisation": {"nl": "Naam van de organisatie", "en": "Name of the organisation"},
    "kitpage.names": {"nl": "Hoe noemen mensen collega's?", "en": "How do people name colleagues?"},
    "kitpage.names.list": {"nl": "Kiezen uit de personeelslijst", "en": "Choose from the staff list"},
    "kitpage.names.text": {"nl": "Namen typen", "en": "Type names"},
    "kitpage.names.auto": {
        "nl": "Automatisch (kiezen tot {limit} mensen, daarboven typen)",
        "en": "Automatic (choose up to {limit} people, type above that)",
    },
    "kitpage.perception": {"nl": "Vraag wie volgens iemand bij hem of haar komt", "en": "Ask who people think come to them"},
    "kitpage.dependency": {"nl": "Vraag van welke afdelingen men afhankelijk is", "en": "Ask which departments people depend on"},
    "kitpage.months": {"nl": "Bewaartermijn ruwe antwoorden (maanden)", "en": "Keep raw answers for (months)"},
    "kitpage.contact": {"nl": "Contactpersoon (voor uitnodiging en privacyverklaring)",
                        "en": "Contact person (for the invitation and privacy statement)"},
    "kitpage.download": {"nl": "Enquêtepakket downloaden (zip)", "en": "Download the survey kit (zip)"},
    "kitpage.preview": {"nl": "Voorbeeld van de vragenlijst", "en": "Preview of the questionnaire"},
    "kitpage.summary": {
        "nl": "{questions} vragen, {collaborations} samenwerking(en), {people} mensen op de personeelslijst.",
        "en": "{questions} questions, {collaborations} collaboration(s), {people} people on the staff list.",
    },
    "kitpage.mode.list": {
        "nl": "Collega's worden gekozen uit een lijst.", "en": "Colleagues are chosen from a list.",
    },
    "kitpage.mode.text": {
        "nl": "Collega's worden getypt, één per regel (een keuzelijst van zoveel mensen is onhandig).",
        "en": "Colleagues' names are typed, one per line (a list of so many people is unwieldy).",
    },
}

#: No count words of their own; the shared ones live in ona.i18n.texts.app.
COUNT_WORDS: dict[str, dict[str, tuple[str, str]]] = {}
