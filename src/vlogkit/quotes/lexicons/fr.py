"""French word lists, Belgian forms included (septante, nonante, à tantôt). Folded; see `vlogkit.quotes.lexicons`."""

from __future__ import annotations

from vlogkit.quotes.lexicons import Lexicon, phrases

FR = Lexicon(
    code="fr",
    connectives=phrases("et | donc | et donc | alors | et alors | mais | bon | ben | bah | eh bien | enfin | voila | "
                        "ok | d'accord | bref | puis | et puis | du coup | oui | ouais | bon ben | en fait | ensuite"),
    greetings=phrases("""bonjour | salut | coucou | bonsoir | bonjour a tous | bonjour tout le monde | salut tout le monde |
        bonjour a toutes et a tous | je m'appelle | mon nom est | moi c'est | bienvenue dans | bienvenue a |
        au revoir | a bientot | a la prochaine | a plus | a tantot | a tout a l'heure | merci d'avoir regarde |
        merci de m'avoir | merci de m'avoir ecoute | c'est tout | voila c'est tout | c'est tout pour moi |
        bonne journee | bonne soiree | bonne nuit | ciao | bisous | merci a tous | merci a toutes | chers collegues"""),
    meta=phrases("""enregistre | enregistrer | enregistrement | camera | video | vlog | micro | microphone | filme |
        filmer | je filme | mon telephone | mon portable | mon gsm | webcam | bouge | arriere-plan | vous m'entendez |
        on m'entend | vous me voyez | excusez le bruit | desole pour le bruit | la lumiere | ma premiere video |
        petite video | une video |
        je voulais vous parler | je veux vous parler | je vais vous parler | je voulais parler | petit point |
        petite mise a jour | petit retour sur"""),
    requests=phrases("""s'il vous plait | svp | merci de | pensez a | n'oubliez pas | n'hesitez pas | faites-moi signe |
        envoyez | envoyez-moi | contactez | inscrivez-vous | remplissez | apportez | verifiez | prevenez |
        faites un ticket | passez me voir | il faut s'inscrire | inscription obligatoire"""),
    question_openers=phrases("""qu'est-ce | est-ce | est-ce que | pourquoi | comment | quand | ou est | qui | quel |
        quelle | quels | quelles | combien | avez-vous | pouvez-vous | voulez-vous | savez-vous | etes-vous |
        as-tu | peux-tu | veux-tu | sais-tu | y a-t-il | quoi"""),
    question_verbs=frozenset(),
    subject_pronouns=phrases("je | j' | tu | il | elle | on | nous | vous | ils | elles | c' | ca"),
    cliches=phrases("""on ne lache rien | ne lache rien | ne rien lacher | une grande famille | une vraie famille |
        une belle famille | ensemble on va plus loin | seul on va plus vite | l'union fait la force |
        le client est roi | sortir de sa zone de confort | zone de confort | gagnant-gagnant | gagnant gagnant |
        au final | se depasser | donner le meilleur | le meilleur de nous-memes | aller de l'avant |
        le capital humain | l'humain au centre | l'humain avant tout | tous ensemble | main dans la main |
        relever les defis | relever le defi | a la fin de la journee | synergie | synergies | valeurs communes |
        un grand merci a tous | fiers de nos valeurs | esprit d'equipe | on est une equipe | une equipe soudee"""),
    conviction=phrases("""je crois | je crois vraiment | je suis convaincu | je suis convaincue | j'ai appris |
        ce que j'ai appris | j'ai compris | on a compris | je me suis rendu compte | je dis toujours |
        je le dis toujours | je dis souvent | je repete | je prefere | pour moi | je suis fier |
        je suis fiere | je n'oublierai jamais | j'ai vu | j'ai decouvert | nous avons appris | on a appris |
        ce que j'aime | j'adore"""),
    setups=phrases("""on me demande | les gens me demandent | on me pose souvent | laissez-moi | laissez-moi vous |
        je voulais vous | je voudrais vous | je vais vous | je vous raconte | une petite histoire |
        petite info | petit point | rapidement | je vais faire court | je serai bref | petite video rapide"""),
    context_openers=phrases("ca | cela | ceci | celle | celui | ceux | il | elle | ils | elles | voila"),
    context_phrases=phrases("""c'est pour ca | c'est pour cela | c'est pourquoi | voila pourquoi | c'est comme ca |
        c'etait | ca c'est | comme je disais | comme je l'ai dit | la meme chose | depuis | apres ca | du coup |
        c'est ce qui | c'est exactement | c'est ca"""),
    general_people=phrases("""on | vous | votre | vos | nous | notre | nos | les gens | personne | tout le monde |
        quelqu'un | chacun | chacune | qui que | une personne | les clients | un client | les collegues |
        une equipe | les equipes"""),
    first_person=phrases("je | j' | me | m' | moi | mon | ma | mes | moi-meme"),
    third_person=phrases("il | elle | lui | son | sa | ses | elle-meme | lui-meme"),
    indefinite=phrases("un | une | chaque | tout | toute | aucun | aucune"),
    past=phrases("""etait | etaient | avait | avaient | a ete | ont ete | ai ete | fut | disait | faisait | allait |
        venait | pensais | croyais | savais | etais | avais | l'annee passee | l'annee derniere | l'an dernier |
        le mois passe | le mois dernier | la semaine passee | la semaine derniere | hier | il y a"""),
    past_auxiliaries=phrases("ai | as | a | avons | avez | ont | suis | est | sommes | etes | sont | j'ai | on a | il a"),
    future=phrases("""sera | seront | serez | va | vont | allons | allez | a partir de | des le | commence |
        commencera | commenceront | demarre | lancement | lancer | bientot | la semaine prochaine |
        le mois prochain | l'annee prochaine | prochainement | aura | auront | pourra"""),
    copulas=phrases("est | sont | c'est | ce n'est | reste"),
    time_words=phrases("""lundi | mardi | mercredi | jeudi | vendredi | samedi | dimanche | week-end | weekend | demain | hier |
        aujourd'hui | ce soir | ce matin | cette semaine | la semaine prochaine | la semaine passee |
        la semaine derniere | ce mois-ci | le mois prochain | le mois passe | cette annee | l'annee passee |
        l'annee prochaine | janvier | fevrier | mars | avril | mai | juin | juillet | aout | septembre |
        octobre | novembre | decembre | heures | heure | midi | minuit | deadline | echeance |
        l'hiver dernier | l'ete dernier | le mois dernier | l'an dernier | l'an passe | hier soir | cette nuit |
        cet hiver | cet ete"""),
    places=phrases("""etage | salle | salle de reunion | batiment | bureau | bureaux | parking | couloir | accueil |
        cantine | refectoire | site | siege | depot | entrepot | hall | auditorium | sous-sol | gare | hotel |
        dossier partage | a gauche | a droite | en bas | en haut | salle serveur | local"""),
    tools=phrases("""mail | mails | e-mail | courriel | boite mail | lien | intranet | sharepoint | teams | onedrive |
        excel | outlook | application | appli | app | outil | systeme | logiciel | ticket | tickets | formulaire |
        portail | plateforme | module | ordinateur | portable | imprimante | calendrier | invitation | canal |
        site web | mot de passe | badge | serveur | messagerie | mise a jour | version | tableau de bord"""),
    bookings=phrases("""reserver | reserve | reservee | reservation | inscription | inscriptions | s'inscrire | inscrire |
        planning | horaire | horaires | creneau | creneaux | budget | note de frais | notes de frais |
        ticket de caisse | facture | factures | hotel | bus | train | fournisseur | fournisseurs | livraison |
        sous-traitant | traiteur | rendez-vous | equipe du matin | equipe de nuit | conge | conges |
        formation | session | sessions | reunion | agenda | inventaire | demenagement | stand"""),
    status=phrases("""fonctionne a nouveau | remarche | marche a nouveau | est regle | est resolu | resolu | est termine |
        termine | est pret | pret | en place | est en place | a augmente | a baisse | en hausse | en baisse |
        est descendu | est monte | reporte | deplace | lance | deploye | en retard | en avance | dans les temps |
        installe |
        pour cent | pourcent | chiffres | objectif | objectifs | resultat | resultats | jusqu'ici |
        pour l'instant | actuellement | en ce moment | toujours pas | encore des soucis"""),
    number_words=phrases("""deux | trois | quatre | cinq | six | sept | huit | neuf | dix | onze | douze | treize |
        quatorze | quinze | seize | vingt | trente | quarante | cinquante | soixante | septante | huitante |
        octante | nonante | cent | cents | mille | million | millions | milliard | milliards | pour cent |
        pourcent | virgule | euros | euro | douzaine"""),
    say_verbs=phrases("""dit | disent | disait | disaient | pense | pensent | pensait | croit | croient |
        trouve | trouvent | raconte | racontent | se plaint | se plaignent | affirme"""),
    turn_markers=phrases("""en fait | en realite | pourtant | mais | au contraire | plutot | finalement |
        aujourd'hui | maintenant | la verite | en vrai"""),
    negations=phrases("ne | n' | pas | jamais | personne | rien | aucun | aucune | non | ni"),
    contrast_turns=phrases("mais | c'est | on est | il est | ce sont | seulement | juste | aussi | plutot"),
    comparisons=phrases("moins | plus | mieux | pire"),
    instead=phrases("au lieu de | plutot que | plus que | moins que | pas parce que | mieux que"),
    absolutes=phrases("""toujours | jamais | tout le monde | personne | rien | tout | tous | toutes | chaque |
        chacun | aucun | aucune"""),
    superlatives=phrases("""le meilleur | la meilleure | le pire | la pire | le seul | la seule | le plus | la plus |
        le plus beau | la plus belle | le plus important | le vrai | la vraie"""),
    insight_words=phrases("""cle | secret | lecon | lecons | difference | verite | raison | regle | astuce | compte |
        ce qui compte | il s'agit | au fond | l'essentiel | le coeur | finalement"""),
    imperatives=phrases("""regardez | demandez | ecoutez | arretez | commencez | essayez | souvenez-vous | soyez |
        pensez | donnez | prenez | faites | osez | cherchez | gardez | n'ayez | ne"""),
    similes=phrases("comme un | comme une | comme si | tel un | telle une | pareil que"),
    concrete=phrases("""entend | entends | entendre | sent | sens | sentir | gout | goute | touche | toucher | remarque |
        main | mains | yeux | oeil | visage | coeur | voix | bras | pieds | pied | tete | epaule |
        peau | sang | larmes | sourire | souffle | odeur | sent | bruit | silence | silencieux | calme | lumiere |
        sombre | noir | froid | chaud | pluie | vent | neige | soleil | feu | eau | porte | fenetre | chaise |
        table | cafe | the | pain | cuisine | boite | carton | cartons | telephone | cle | lettre | carte | plante |
        arbre | jardin | rue | route | pont | mur | murs | toit | sol | lit | manteau | chaussures | chien | chat |
        bebe | enfant | enfants | maman | papa | mere | pere | grand-mere | femme | mari | fille | fils | diner |
        dejeuner | bougie | miroir | photo | horloge | nuit | poche | stylo | papier | tasse | gateau | chanson |
        musique | roue | moteur"""),
    emotion=phrases("""fier | fiere | fierte | peur | amour | deteste | colere | furieux | pleurer | pleurait | larmes |
        rire | rit | riait | heureux | heureuse | triste | inquiet | inquiete | courage | honte |
        reconnaissant | reconnaissante | douleur | joie"""),
    intensifiers=phrases("vraiment | tres | super | trop | tellement | franchement | absolument | carrement | hyper"),
    hedges=phrases("""peut-etre | un peu | un petit peu | genre | en fait | je sais pas | plus ou moins | quoi |
        enfin bref | bon ben | euh | hein | disons | on va dire | style | un truc comme ca | voila quoi"""),
    acronyms_common=phrases("rh | it | pdg | ceo | ia | tv | ok"),
)
