"""Texts of the privacy layer, manager workspaces and CLI output (``privacy.``, ``role.``, ``workspace_file.``,
``output.``): configuration errors, role labels, the workspace README and errors in files ona reads or writes."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- screening ---------------------------------------------------------------------------
    "privacy.grouping_not_offered": {
        "nl": "Leidinggevenden mogen niet groeperen op '{grouping}': het privacybeleid biedt {offered}. "
              "Groepeer op een daarvan, of voeg de groepering toe (ONA_GROUPINGS)",
        "en": "Managers may not group by '{grouping}': the privacy policy offers {offered}. "
              "Group by one of those, or add it to the groupings (ONA_GROUPINGS)",
    },
    "privacy.unnamed": {
        "nl": "Niemand wordt persoonlijk getoond: {people} gaven geen toestemming om bij naam getoond te worden "
              "(of hebben geen naam in de personeelslijst) en er is geen pseudoniemsleutel ingesteld. Als alleen de "
              "anderen getoond werden, zouden hun relaties met de weggelaten mensen hen verraden. Vraag HR een "
              "pseudoniemsleutel in te stellen; u ziet nu de cijfers per groep.",
        "en": "Nobody is shown person by person: {people} did not consent to be shown by name (or have no name in "
              "the roster) and no pseudonym key is set. Showing only the others would give the people left out "
              "away through their ties. Ask HR to set a pseudonym key; you see the figures per group.",
    },
    # -- the policy ------------------------------------------------------------------------------
    "privacy.policy.k_not_whole": {
        "nl": "De minimale groepsgrootte moet een geheel getal zijn, niet {value}. Gebruik bijvoorbeeld 5.",
        "en": "The minimum group size must be a whole number, not {value}. Use e.g. 5.",
    },
    "privacy.policy.k_below_one": {
        "nl": "De minimale groepsgrootte moet minstens 1 zijn, niet {value}. Gebruik 5 of meer voor "
              "overzichten voor leidinggevenden.",
        "en": "The minimum group size must be at least 1, not {value}. Use 5 or more for manager views.",
    },
    "privacy.policy.short_key": {
        "nl": "De pseudoniemsleutel is {length} bytes lang; gebruik minstens {minimum} willekeurige tekens en "
              "houd ze geheim",
        "en": "The pseudonym key is {length} bytes long; use at least {minimum} random characters and keep "
              "them secret",
    },
    "privacy.policy.other_empty": {
        "nl": "Het label voor samengevoegde kleine groepen is leeg. Gebruik bijvoorbeeld '(other)'.",
        "en": "The label for merged small groups is empty. Use e.g. '(other)'.",
    },
    "privacy.policy.no_groupings": {
        "nl": "Het privacybeleid noemt geen groepering. Noem minstens één kolom van de personeelslijst, "
              "bijvoorbeeld department.",
        "en": "The privacy policy names no grouping. Name at least one roster column, e.g. department.",
    },
    "privacy.policy.consent": {
        "nl": "De toestemmingswaarde {value} is geen ja/nee. Gebruik ja/nee of yes/no in de kolom "
              "'toestemming' van de personeelslijst.",
        "en": "The consent value {value} is not yes/no. Use yes/no or ja/nee in the roster column 'consent'.",
    },
    "privacy.policy.pseudonym_clash": {
        "nl": "Twee mensen krijgen hetzelfde pseudoniem ({pseudonym}); dat gebeurt heel zelden. Kies een "
              "andere pseudoniemsleutel",
        "en": "Two people get the same pseudonym ({pseudonym}); this happens very rarely. Choose another "
              "pseudonym key",
    },
    # -- settings --------------------------------------------------------------------------------
    "privacy.config.not_whole": {
        "nl": "{where} moet een geheel getal zijn, zoals 5, niet {value}.",
        "en": "{where} should be a whole number such as 5, not {value}.",
    },
    "privacy.config.not_yes_no": {
        "nl": "{where} moet ja of nee zijn (1/0, true/false, ja/nee), niet {value}.",
        "en": "{where} should be yes or no (1/0, true/false, ja/nee), not {value}.",
    },
    "privacy.config.no_groupings": {
        "nl": "{where} noemt geen groepering; noem kolommen van de personeelslijst, gescheiden door komma's, "
              "bijvoorbeeld department,team,location.",
        "en": "{where} names no grouping; name roster columns separated by commas, e.g. "
              "department,team,location.",
    },
    "privacy.config.key_env_unset": {
        "nl": "De omgevingsvariabele {var} die --key-env noemt, is niet ingesteld. Zet er de geheime "
              "pseudoniemsleutel van uw organisatie in, bijvoorbeeld export {var}=...",
        "en": "The environment variable {var} named by --key-env is not set. Set it to your organisation's "
              "secret pseudonym key, e.g. export {var}=...",
    },
    "privacy.config.secret_table": {
        "nl": "Het Streamlit-geheim 'ona' moet een tabel zijn ([ona] in secrets.toml).",
        "en": "The Streamlit secret 'ona' must be a table ([ona] in secrets.toml).",
    },
    # -- roles -----------------------------------------------------------------------------------
    "role.manager": {
        "nl": "Leidinggevendemodus: alleen privacygefilterde overzichten",
        "en": "Manager mode: privacy-filtered views only",
    },
    "role.analyst": {"nl": "Analistmodus: volledige toegang", "en": "Analyst mode: full access"},
    "role.analyst_local": {
        "nl": "Analistmodus (geen rollen ingesteld: lokaal gebruik)",
        "en": "Analyst mode (no roles configured: local use)",
    },
    "privacy.role.two_roles": {
        "nl": "{user} staat vermeld als {first} ({first_where}) en als {second} ({second_where}). Geef elke "
              "gebruiker één rol",
        "en": "{user} is listed as {first} ({first_where}) and as {second} ({second_where}). Give each user "
              "one role",
    },
    "privacy.role.users_table": {
        "nl": "Het Streamlit-geheim 'ona.users' moet e-mailadressen aan rollen koppelen ([ona.users] in "
              "secrets.toml).",
        "en": "The Streamlit secret 'ona.users' must map e-mail addresses to roles ([ona.users] in secrets.toml).",
    },
    "privacy.role.conflict": {
        "nl": "ONA_ROLE zegt {env} maar het geheim ona.role zegt {secret}. Stel de standaardrol op één plek in",
        "en": "ONA_ROLE says {env} but the secret ona.role says {secret}. Set the default role in one place",
    },
    "privacy.role.unknown": {
        "nl": "{where}: {word} is geen rol. Gebruik 'analyst' (HR, ziet alles) of 'manager' "
              "(privacygefilterde overzichten)",
        "en": "{where}: {word} is not a role. Use 'analyst' (HR, sees everything) or 'manager' "
              "(privacy-filtered views)",
    },
    # -- writing output (ona.io.output) ------------------------------------------------------
    "output.disk_full": {
        "nl": "Er is geen ruimte meer op de schijf voor {path}. Maak ruimte vrij of kies met -o een andere plek.",
        "en": "There is no space left on the disk for {path}. Free some space or choose another place with -o.",
    },
    "output.permission": {
        "nl": "ona mag niet schrijven in {path} (geen toestemming). Kies met -o een map waarin u mag schrijven.",
        "en": "ona may not write to {path} (permission denied). Choose a folder you can write to with -o.",
    },
    "output.read_only": {
        "nl": "{path} staat op een schijf die alleen gelezen kan worden. Kies met -o een andere plek.",
        "en": "{path} is on a read-only disk. Choose another place with -o.",
    },
    "output.no_folder": {
        "nl": "De map {path} bestaat niet; maak hem eerst aan of kies met -o een andere plek.",
        "en": "The folder {path} does not exist; create it first or choose another place with -o.",
    },
    "output.not_a_folder": {
        "nl": "{path} is een bestand, geen map. Kies met -o een plek in een bestaande map.",
        "en": "{path} is a file, not a folder. Choose a place inside an existing folder with -o.",
    },
    "output.is_folder": {
        "nl": "{path} is een map; geef met -o een bestandsnaam, bijvoorbeeld {example}.",
        "en": "{path} is a folder; give a file name with -o, e.g. {example}.",
    },
    "output.is_file": {
        "nl": "{path} is een bestaand bestand, geen map. Kies met -o een nieuwe map voor de resultaten.",
        "en": "{path} is an existing file, not a folder. Choose a new folder for the results with -o.",
    },
    "output.foreign": {
        "nl": "De map {path} bevat al andere bestanden ({files}) die ona niet heeft gemaakt. Kies met -o een nieuwe "
              "of lege map, zodat er niets door elkaar raakt of verloren gaat.",
        "en": "The folder {path} already holds other files ({files}) that ona did not write. Choose a new or empty "
              "folder with -o, so nothing is mixed up or lost.",
    },
    "output.inside": {
        "nl": "ona kan de map {path} niet vervangen terwijl u erin werkt. Start ona vanuit een andere map.",
        "en": "ona cannot replace the folder {path} while you are working inside it. Run ona from another folder.",
    },
    "output.failed": {
        "nl": "{path} kon niet worden geschreven ({reason}). Controleer de schijf en de rechten.",
        "en": "Could not write {path} ({reason}). Check the disk and the permissions.",
    },
    # -- workspaces ona reads (ona.workspace.load_workspace) -----------------------------------
    "workspace_file.fix.choose": {
        "nl": "Kies de map of het zip-bestand dat 'ona publish' schreef",
        "en": "Choose the folder or zip file that 'ona publish' wrote",
    },
    "workspace_file.fix.again": {
        "nl": "Vraag HR de werkruimte opnieuw te publiceren of opnieuw te sturen",
        "en": "Ask HR to publish or send the workspace again",
    },
    "workspace_file.fix.version": {
        "nl": "Publiceer hem opnieuw met deze versie van ona, of werk ona bij",
        "en": "Publish it again with this version of ona, or update ona",
    },
    "workspace_file.no_manifest_folder": {
        "nl": "deze map bevat geen manifest.json, dus het is geen werkruimte voor leidinggevenden",
        "en": "this folder holds no manifest.json, so it is not a manager workspace",
    },
    "workspace_file.not_zip": {
        "nl": "dit is geen werkruimtemap en geen werkruimte-zip",
        "en": "this is neither a workspace folder nor a workspace zip file",
    },
    "workspace_file.no_manifest_zip": {
        "nl": "het zip-bestand bevat geen manifest.json, dus het is geen werkruimte voor leidinggevenden",
        "en": "the zip holds no manifest.json, so it is not a manager workspace",
    },
    "workspace_file.too_many": {
        "nl": "het zip-bestand bevat {count} bestanden; een werkruimte heeft er hooguit {limit}",
        "en": "the zip holds {count} files; a workspace has at most {limit}",
    },
    "workspace_file.lacks": {"nl": "de werkruimte mist {name}", "en": "the workspace lacks {name}"},
    "workspace_file.unreadable": {
        "nl": "{name} kan niet worden gelezen ({reason})", "en": "{name} cannot be read ({reason})",
    },
    "workspace_file.too_large": {
        "nl": "{name} is uitgepakt groter dan {megabytes} MB, te groot voor een werkruimte",
        "en": "{name} unpacks to more than {megabytes} MB, too large for a workspace",
    },
    "workspace_file.damaged": {
        "nl": "het zip-bestand is beschadigd: {name} kan niet worden uitgepakt",
        "en": "the zip file is damaged: {name} cannot be unpacked",
    },
    "workspace_file.not_workspace": {
        "nl": "manifest.json beschrijft geen werkruimte voor leidinggevenden van ona",
        "en": "manifest.json does not describe an ona manager workspace",
    },
    "workspace_file.version": {
        "nl": "de werkruimte heeft formaatversie {version}; deze ona leest versie {supported}",
        "en": "the workspace has format version {version}; this ona reads version {supported}",
    },
    "workspace_file.missing_field": {
        "nl": "manifest.json mist '{field}'", "en": "manifest.json lacks '{field}'",
    },
    "workspace_file.field.text": {
        "nl": "in manifest.json moet '{field}' een tekst zijn, niet {found}",
        "en": "in manifest.json, '{field}' should be a text, not {found}",
    },
    "workspace_file.field.table": {
        "nl": "in manifest.json moet '{field}' een tabel van namen en waarden zijn, niet {found}",
        "en": "in manifest.json, '{field}' should be a table of names and values, not {found}",
    },
    "workspace_file.field.list": {
        "nl": "in manifest.json moet '{field}' een lijst zijn, niet {found}",
        "en": "in manifest.json, '{field}' should be a list, not {found}",
    },
    "workspace_file.field.yes_no": {
        "nl": "in manifest.json moet '{field}' true of false zijn, niet {found}",
        "en": "in manifest.json, '{field}' should be true or false, not {found}",
    },
    "workspace_file.field.whole_number": {
        "nl": "in manifest.json moet '{field}' een geheel getal van 0 of meer zijn, niet {found}",
        "en": "in manifest.json, '{field}' should be a whole number of 0 or more, not {found}",
    },
    "workspace_file.twice": {
        "nl": "in manifest.json komt '{field}' {value} twee keer voor",
        "en": "in manifest.json, '{field}' {value} occurs twice",
    },
    "workspace_file.unsafe_name": {
        "nl": "manifest.json noemt een onveilig bestand '{name}'", "en": "manifest.json names an unsafe file '{name}'",
    },
    "workspace_file.too_deep": {
        "nl": "{name} is te diep genest om te lezen", "en": "{name} is nested too deeply to read",
    },
    "workspace_file.not_json": {"nl": "{name} is geen geldige JSON", "en": "{name} is not valid JSON"},
    "workspace_file.not_utf8": {"nl": "{name} is geen UTF-8-tekst", "en": "{name} is not UTF-8 text"},
    "workspace_file.summary": {
        "nl": "{name} koppelt niet elke relatie aan haar cijfers", "en": "{name} does not map each relation to its figures",
    },
    "workspace_file.empty": {"nl": "{name} is leeg", "en": "{name} is empty"},
    "workspace_file.csv": {"nl": "{name} is geen leesbare CSV-tabel", "en": "{name} is not a readable CSV table"},
    "workspace_file.not_numbers": {
        "nl": "{name} hoort alleen getallen te bevatten", "en": "{name} should hold numbers only",
    },
    "workspace_file.column": {"nl": "{name} mist de kolom '{column}'", "en": "{name} lacks the column '{column}'"},
    "workspace_file.graph": {
        "nl": "{name} is geen netwerk zoals ona het schrijft", "en": "{name} is not a network as ona writes it",
    },
    "workspace_file.findings": {
        "nl": "in {name} is bevinding {number} niet zoals ona haar schrijft",
        "en": "in {name}, finding {number} is not as ona writes it",
    },
    # -- the README of a published workspace ------------------------------------------------------
    "workspace_file.readme.title": {"nl": "Werkruimte voor leidinggevenden", "en": "Manager workspace"},
    "workspace_file.readme.body": {
        "nl": "Deze map is gemaakt met `ona publish`. Ze bevat alleen overzichten die door het\n"
              "privacyfilter van HR zijn gekomen: cijfers over groepen die groot genoeg zijn, netwerken waarin\n"
              "alleen mensen met toestemming bij naam staan (anderen met een pseudoniem of niet), en bevindingen.\n"
              "Er staan geen ruwe antwoorden in. Open de map of het zip-bestand in de ona-app; die toont de inhoud\n"
              "in de modus voor leidinggevenden. Deel deze map niet verder dan nodig.",
        "en": "This folder was made with `ona publish`. It holds only views that passed HR's privacy\n"
              "filter: figures about groups that are large enough, networks in which only people who consented are\n"
              "named (others by pseudonym, or not at all), and findings. It holds no raw survey answers. Open the\n"
              "folder or zip file in the ona app, which shows it in manager mode. Do not share it more widely than\n"
              "needed.",
    },
    "workspace_file.readme.manifest": {
        "nl": "Zie `manifest.json` voor wat erin staat en welke privacy-instellingen zijn gebruikt.",
        "en": "See `manifest.json` for what is inside and which privacy settings were used.",
    },
    # -- publishing (ona.workspace.build_workspace) ------------------------------------------------
    "workspace_file.build.lang": {
        "nl": "Onbekende taal {lang} voor de bevindingen; gebruik 'nl' of 'en'.",
        "en": "Unknown language {lang} for the findings; use 'nl' or 'en'.",
    },
    "workspace_file.build.too_small": {
        "nl": "Het netwerk heeft {people} mensen en {respondents} respondenten, minder dan de minimale "
              "groepsgrootte van {k}, dus een leidinggevende mag geen enkel cijfer zien. Publiceer niets, of verlaag "
              "de minimale groepsgrootte als uw functionaris gegevensbescherming instemt",
        "en": "The network has {people} people and {respondents} respondents, fewer than the minimum group size of "
              "{k}, so a manager may see no figure at all. Publish nothing, or lower the minimum group size if your "
              "data protection officer agrees",
    },
    "workspace_file.build.too_small_screened": {
        "nl": "Na het weglaten van de mensen in groepen onder de minimale groepsgrootte van {k} (onder {groupings}) "
              "blijven er minder dan {k} over, dus een leidinggevende mag geen enkel cijfer zien. Publiceer niets, "
              "bied minder groeperingen aan, of verlaag de minimale groepsgrootte als uw functionaris "
              "gegevensbescherming instemt",
        "en": "After leaving out the people of groups below the minimum group size of {k} (under {groupings}), "
              "fewer than {k} people remain, so a manager may see no figure at all. Publish nothing, offer fewer "
              "groupings, or lower the minimum group size if your data protection officer agrees",
    },
    "workspace_file.build.leak": {
        "nl": "Publiceren gestopt: {name} zou {term} bevatten, wat leidinggevenden niet mogen zien. Dit is een fout "
              "in ona; meld hem alstublieft (zonder de gegevens).",
        "en": "Publishing stopped: {name} would contain {term}, which managers may not see. This is a bug in ona; "
              "please report it (without the data).",
    },
    # -- how people are shown (a workspace manifest's privacy.names) -------------------------------
    "privacy.names.consent_pseudonyms": {
        "nl": "mensen met toestemming bij naam, anderen met een pseudoniem",
        "en": "consenting people by name, others by pseudonym",
    },
    "privacy.names.consent_only": {
        "nl": "mensen met toestemming bij naam, anderen niet",
        "en": "consenting people by name, others left out",
    },
    "privacy.names.pseudonyms": {"nl": "iedereen met een pseudoniem", "en": "everyone by pseudonym"},
    "privacy.names.none": {"nl": "geen mensen getoond", "en": "no people shown"},
}
