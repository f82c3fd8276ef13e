"""Dutch word lists, Flemish forms included (ge/gij/uw, da's, allez, awel). Folded; see `vlogkit.quotes.lexicons`."""

from __future__ import annotations

from vlogkit.quotes.lexicons import Lexicon, phrases

NL = Lexicon(
    code="nl",
    connectives=phrases("en | dus | en dus | en dan | maar | allez | awel | nou | ja | oke | ok | goed | enfin | bon | "
                        "ja dus | en ja | kijk | euh dus"),
    greetings=phrases("""hallo | hoi | hey | dag iedereen | dag allemaal | hallo allemaal | hallo iedereen | hoi allemaal |
        goeiemorgen | goedemorgen | goeiemiddag | goedemiddag | goedenavond | mijn naam is | ik heet |
        welkom bij | tot ziens | tot de volgende | tot straks | tot later | tot dan | tot binnenkort | doei |
        daag | salut | bedankt voor het kijken | dat was het | da's het | bedankt iedereen | groetjes |
        tot de volgende keer | dag collega's | beste collega's"""),
    meta=phrases("""opnemen | opname | neem dit op | camera | video | vlog | filmpje | microfoon | filmen | gsm |
        mijn telefoon | webcam | geluid | wiebelt | achtergrond | hoor je me | hoort ge mij | hoor je mij | in beeld |
        sorry voor het geluid | het licht | mijn eerste vlog | test test | neem ik op |
        wil ik het hebben over | wou ik het hebben over | wilde ik het hebben over | wil ik even vertellen |
        wou ik even vertellen | korte update | kleine update | even terugblikken"""),
    requests=phrases("""gelieve | vergeet niet | vergeet uw | vergeet je | laat het weten | laat maar weten | stuur |
        stuur me | mail me | neem contact | schrijf je in | inschrijven | vul | vul in | breng | kom langs |
        aarzel niet | zeker doen | denk eraan | check | bekijk | geef het door | vragen stuur"""),
    question_openers=phrases("""wat | waarom | hoe | wanneer | waar | wie | welke | welk | hoeveel | zou | zouden |
        kan | kunt | kun | kunnen | is | zijn | heb | hebt | heeft | hebben | wil | wilt | willen | moet | moeten |
        mag | mogen | hoort | hoor | ziet | zie | weet | weten | doe | doet | gaat | ga | komt | kom | ben | bent |
        zal | zullen | vindt | vind | iemand"""),
    question_verbs=phrases("""is | zijn | heb | hebt | heeft | hebben | kan | kunt | kun | kunnen | wil | wilt | willen |
        moet | moeten | mag | mogen | hoort | hoor | ziet | zie | weet | weten | doe | doet | gaat | ga | komt | ben |
        bent | zal | zullen | vindt | vind | zou | zouden"""),
    subject_pronouns=phrases("ik | je | jij | ge | gij | u | we | wij | jullie | ze | zij | hij | het | er | iemand | "
                             "iedereen"),
    cliches=phrases("""samen sterk | samen staan we sterk | een grote familie | een grote familie zijn | een familie |
        de klant is koning | aan het eind van de dag | aan het einde van de dag | out of the box | buiten de lijntjes |
        de lat hoog | de schouders eronder | schouders eronder | we gaan ervoor | win win | alle hens aan dek |
        met z'n allen | samen maken we het verschil | de mens centraal | onze mensen zijn ons grootste kapitaal |
        een tandje bijsteken | het beste van onszelf | synergie | teamwork | we zijn een team | een warme familie |
        samen gaan we verder | de sky is the limit | next level"""),
    conviction=phrases("""ik geloof | ik geloof echt | ik ben ervan overtuigd | ik ben overtuigd | ik heb geleerd |
        wat ik geleerd heb | wat ik heb geleerd | ik zeg altijd | ik zeg dat | ik zeg tegen | ik vind |
        voor mij | eerlijk gezegd | ik ben trots | ik ben fier | ik zal nooit vergeten | ik vergeet nooit |
        ik heb gezien | ik heb gemerkt | ik merk | wat ik zie | ik heb ontdekt | we hebben geleerd |
        wij hebben geleerd | ik besef | ik heb beseft | wat ik mooi vind"""),
    setups=phrases("""mensen vragen me | mensen vragen mij | ik krijg vaak de vraag | vragen me vaak | vragen mij vaak |
        ik wil iets zeggen | ik wil even | ik wil jullie | laat me | ik ga jullie | ik vertel | een verhaaltje |
        even kort | ik zal het kort houden | snelle update | een korte update"""),
    context_openers=phrases("dat | dit | die | deze | hij | zij | ze | hen | hem | daar | daarom"),
    context_phrases=phrases("""daarom | dat is waarom | dat is ook waarom | da's waarom | dat is hoe | zo werkt het |
        dat was | dat is ook | zoals ik zei | zoals gezegd | hetzelfde | die ene |
        sindsdien | daarna | daardoor | door dat | dat is exact | precies dat"""),
    general_people=phrases("""je | jij | ge | gij | u | uw | we | wij | ons | onze | mensen | niemand | iedereen | iemand |
        men | wie | een mens | klanten | collega's | een team | elk team"""),
    first_person=phrases("ik | mij | me | mijn | mezelf | 'k"),
    third_person=phrases("hij | zij | hem | haar | zijn | hare | zichzelf"),
    indefinite=phrases("een | elke | elk | ieder | iedere | geen"),
    past=phrases("""was | waren | had | hadden | werd | werden | deed | deden | zei | zeiden | vroeg | vroegen | kwam |
        kwamen | ging | gingen | zag | zagen | dacht | dachten | vond | vonden | gaf | wist | stond | zat | liep |
        begon | begonnen | leek | bleef | vorig jaar | vorige maand | vorige week | geleden | gisteren | toen"""),
    past_auxiliaries=phrases("heb | hebt | heeft | hebben | ben | bent | is | zijn | had | hadden"),
    future=phrases("""zal | zullen | zult | gaan we | gaat | gaan | vanaf | start | starten | begint | beginnen |
        lancering | lanceren | binnenkort | volgende week | volgende maand | volgend jaar | komt eraan | kickoff"""),
    copulas=phrases("is | zijn | da's | dat's | 't is | het is | blijft | wordt"),
    time_words=phrases("""maandag | dinsdag | woensdag | donderdag | vrijdag | zaterdag | zondag | weekend | morgen | gisteren |
        vandaag | vanavond | vanochtend | deze week | volgende week | vorige week | deze maand |
        volgende maand | vorige maand | dit jaar | vorig jaar | volgend jaar | januari | februari | maart |
        april | mei | juni | juli | augustus | september | oktober | november | december | uur | half |
        kwart | middag | namiddag | voormiddag | 's morgens | 's avonds | deadline |
        geleden | vannacht | gisterenavond | vorige winter | vorige zomer | vorig najaar | vorige lente |
        deze winter | deze zomer"""),
    places=phrases("""verdieping | lokaal | zaal | vergaderzaal | vergaderlokaal | gebouw | kantoor | parking | gang |
        onthaal | refter | kantine | poort | site | vestiging | hoofdkantoor | magazijn | hal | kelder | station |
        hotel | gedeelde map | map | links | rechts | beneden | boven | teampost | werfkeet"""),
    tools=phrases("""mail | e-mail | email | mailbox | link | intranet | sharepoint | microsoft teams | teams-call | teamscall |
        teams-vergadering | op teams | via teams | in teams | onedrive | excel | outlook |
        app | tool | systeem | software | ticket | tickets | ticketsysteem | formulier | portaal | platform | module |
        laptop | laptops | printer | kalender | uitnodiging | kanaal | website | wachtwoord | badge | server |
        update | versie | dashboard | spreadsheet"""),
    bookings=phrases("""boeken | geboekt | reservatie | reserveren | gereserveerd | inschrijven | inschrijving |
        schrijf je in | planning | uurrooster | uurroosters | rooster | budget | onkostennota | onkostennota's |
        bonnetjes | factuur | facturen | hotel | bus | bussen | trein | leverancier | leveranciers | levering |
        geleverd | aannemer | catering | traiteur | afspraak | afspraken | shift | shiften | ploeg | verlof |
        opleiding | sessie | vergadering | werfvergadering | overleg | agenda | inventaris | verhuis | verhuisdoos"""),
    status=phrases("""werkt weer | werkt terug | is opgelost | opgelost | is klaar | klaar | staat klaar | ligt op schema |
        op schema | achter op | voor op | gestegen | gedaald | gezakt | gegroeid | gestart | afgerond | gelanceerd | uitgerold | opgeleverd | in orde |
        uitgesteld | verschoven | verplaatst | verhuisd | geleverd | geïnstalleerd | live | procent | cijfers |
        doelstelling | target | resultaat | resultaten | tot nu toe | op dit moment | momenteel | nog altijd |
        nog steeds | zitten we"""),
    number_words=phrases("""twee | drie | vier | vijf | zes | zeven | acht | negen | tien | elf | twaalf | dertien |
        veertien | vijftien | zestien | zeventien | achttien | negentien | twintig | dertig | veertig | vijftig |
        zestig | zeventig | tachtig | negentig | honderd | duizend | miljoen | miljard | procent | dozijn | euro"""),
    say_verbs=phrases("""zegt | zeggen | zei | zeiden | denkt | denken | dacht | dachten | vindt | vinden |
        klaagt | klagen | beweert | beweren | roept | roepen"""),
    turn_markers=phrases("""eigenlijk | in feite | maar | toch | wel | nu | vandaag | blijkt | het blijkt |
        in werkelijkheid | de waarheid is"""),
    negations=phrases("niet | geen | nooit | niemand | niets | niks | nergens | noch | nee"),
    contrast_turns=phrases("maar | het is | het gaat | wel | da's | dat is | we zijn | ge zijt | je bent | alleen | ook"),
    comparisons=phrases("minder | meer | beter | slechter | dan"),
    instead=phrases("in plaats van | eerder dan | meer dan | liever dan | niet omdat | dan in"),
    absolutes=phrases("altijd | nooit | iedereen | niemand | niets | niks | alles | allemaal | elke | elk | ieder | geen enkele"),
    superlatives=phrases("""het beste | de beste | het mooiste | de mooiste | het enige | de enige | het meeste | het grootste |
        de grootste | het belangrijkste | de belangrijkste | het moeilijkste | het echte | de echte"""),
    insight_words=phrases("""sleutel | geheim | les | lessen | verschil | waarheid | reden | regel | truc | telt |
        wat telt | het draait om | het gaat om | de kern | uiteindelijk"""),
    imperatives=phrases("""kijk | vraag | luister | stop | begin | probeer | onthoud | wees | denk | geef | neem |
        vertrouw | durf | zoek | hou | ga | doe"""),
    similes=phrases("als een | alsof | zoals een | net als | gelijk een"),
    concrete=phrases("""hoort | horen | hoor | ruikt | ruiken | proeft | proeven | voelt | voelen | merkt |
        hand | handen | ogen | oog | gezicht | hart | stem | arm | armen | voeten | voet | hoofd |
        schouder | huid | bloed | tranen | glimlach | adem | geur | ruikt | geluid | stilte | stil | lawaai | licht |
        donker | koud | warm | regen | wind | sneeuw | zon | vuur | water | deur | raam | stoel | tafel | koffie |
        thee | brood | keuken | doos | dozen | telefoon | sleutel | brief | kaartje | boom | tuin | straat | weg |
        brug | muur | muren | dak | vloer | bed | jas | schoenen | hond | kat | baby | kind | kinderen | mama |
        papa | moeder | vader | oma | opa | vrouw | man | dochter | zoon | avondeten | ontbijt | kaars | spiegel |
        foto | klok | nacht | zak | pen | papier | tas | beker | boterham | taart | lied | muziek | wiel | motor"""),
    emotion=phrases("""trots | fier | bang | schrik | angst | liefde | haat | boos | kwaad | woedend | huilen | huilde |
        tranen | lachen | lachte | blij | gelukkig | verdrietig | eenzaam | bezorgd | zenuwachtig | moed |
        schaamte | dankbaar | pijn | gemist | content"""),
    intensifiers=phrases("echt | heel | super | zo | zeer | enorm | ontzettend | eerlijk | wel | amai | zeker"),
    hedges=phrases("""zo'n beetje | misschien | een beetje | beetje | eigenlijk | ofzo | of zo | enzo | en zo | soort |
        min of meer | denk ik | zeg maar | allez | euh | uh | nee maar | eventjes | efkes"""),
    acronyms_common=phrases("it | hr | ceo | ict | ai | tv | ok"),
)
