"""English word lists (folded). See `vlogkit.quotes.lexicons` for how they are matched."""

from __future__ import annotations

from vlogkit.quotes.lexicons import Lexicon, phrases

EN = Lexicon(
    code="en",
    connectives=phrases("and | so | and so | and then | but | well | okay | ok | right | anyway | yeah | yes | now | "
                        "plus | oh | also | alright | all right | so yeah | and yeah | look | then"),
    greetings=phrases("""hi | hello | hey | hiya | good morning | good afternoon | good evening | my name is | my name's |
        i'm from | welcome to | welcome back | bye | goodbye | bye bye | see you | see ya | thanks for watching |
        thank you for watching | thanks everyone | thanks all | that's it | that's all | take care | cheers |
        talk soon | over and out | signing off | that's it from me | hi all | hi everyone | hello everyone"""),
    meta=phrases("""recording | record | camera | video | vlog | microphone | mic | filming | film this | my phone |
        webcam | sound | audio | wobbly | background | can you hear | can you see | on screen | take two | laptop camera |
        first vlog | my first ever vlog | excuse the noise | sorry about the noise | bear with me | the light |
        want to talk about | wanted to talk about | going to talk about | wanna talk about | quick update |
        quick look back | a quick look at | wanted to share | want to share | let me tell you about"""),
    requests=phrases("""please | make sure | don't forget | remember to | let me know | ping me | send me | drop me |
        reach out | get in touch | sign up | fill in | check your | bring your | any questions | questions send |
        shout if | give me a shout | feel free"""),
    question_openers=phrases("""what | why | how | when | where | who | which | is | are | do | does | did | can |
        could | would | will | should | shall | have | has | any | anybody | anyone"""),
    question_verbs=frozenset(),
    subject_pronouns=phrases("i | you | we | they | he | she | it | there | everybody | everyone | anyone | anybody"),
    cliches=phrases("""one big family | a big family | teamwork makes the dream work | at the end of the day |
        think outside the box | outside the box | the sky is the limit | work hard play hard | all in this together |
        the customer is king | customer is king | go the extra mile | the extra mile | give a hundred and ten percent |
        hit the ground running | win win | low hanging fruit | move the needle | our greatest asset |
        no i in team | stronger together | together we are stronger | synergy | synergies | it is what it is |
        game changer | best in class | world class | passion for excellence | raise the bar | next level |
        on the same page | touch base | circle back | a journey | our journey | we're a family | like a family"""),
    conviction=phrases("""i believe | i really believe | i'm convinced | i am convinced | i learned | i've learned |
        i have learned | i realised | i realized | i've realised | i've realized | what i learned |
        what i've learned | i always say | i keep saying | i tell | i keep telling | i say to | i'm proud |
        i am proud | i used to think | i prefer | i'd rather | i would rather | for me | i'll never forget |
        i never forget | what i love | i've seen | i have seen | i discovered | we learned | we've learned"""),
    setups=phrases("""people ask me | people always ask me | people often ask me | people keep asking | a question i get |
        i get asked | let me tell you | let me explain | here's the thing | i want to say | i want to talk |
        i'd like to say | i want to share | i'll tell you | something that stuck | the story is | a quick story |
        i'll keep it short | quick update | a quick one | quick one | i want to tell you"""),
    context_openers=phrases("that | this | these | those | which | he | she | they | them | such"),
    context_phrases=phrases("""that's why | that is why | that's how | that is how | that's exactly | that's what | that is what |
        that was | this was | it was | which is | which was | that's the | this is why | and that's |
        that's it | that's a | that's also | like i said | as i said | as i mentioned | the same thing |
        that one | this one | since then | after that | because of that | said so"""),
    general_people=phrases("""you | your | we | our | us | people | nobody | everybody | everyone | anyone | anybody |
        someone | somebody | no one | whoever | a person | customers | colleagues | a team | teams"""),
    first_person=phrases("i | me | my | mine | i'm | i've | i'd | i'll | myself"),
    third_person=phrases("he | she | him | her | his | hers | he's | she's | he'd | she'd | himself | herself"),
    indefinite=phrases("a | an | any | every | each"),
    past=phrases("""was | were | had | did | went | came | said | told | asked | got | took | made | saw | thought |
        found | gave | knew | left | felt | became | began | started | finished | happened | called | spent |
        tore | broke | wrote | ran | sat | stood | fell | held | brought | bought | caught | taught | met | kept | sent |
        built | heard | understood | forgot | chose | drove | ate | drank | flew | grew | threw | spoke | woke | wore |
        paid | sold | struck | sang | rang | shook | swore | fought | sought | won | lost |
        wasn't | weren't | didn't | hadn't | used to | last year | last month | last week | ago | yesterday"""),
    past_auxiliaries=frozenset(),
    future=phrases("""will | 'll | i'll | we'll | you'll | it'll | they'll | won't | going to | gonna | is coming |
        are coming | starts | starting | will start | from next | coming soon | launch | launches | launching |
        goes live | go live | kick off | kickoff | kick-off | upcoming | next week | next month | next year"""),
    copulas=phrases("is | are | isn't | aren't | it's | that's | what's | there's | 's | 're"),
    # an ordinal is a date only as one ("on the fifth", "the first of May"), never "the first bag of the day"
    time_words=phrases("""mondays | tuesdays | wednesdays | thursdays | fridays | saturdays | sundays | weekends | monday |
        tuesday | wednesday | thursday | friday | saturday | sunday | weekend | tomorrow | yesterday | today |
        tonight | this morning | this afternoon | next week | last week | this week | next month |
        last month | this month | this quarter | last quarter | next quarter | this year | last year |
        next year | january | february | march | april | may | june | july | august | september | october |
        november | december | o'clock | half past | quarter past | quarter to | noon | midnight |
        q1 | q2 | q3 | q4 | on the first | by the first | on the second | by the second | on the third |
        by the third | on the fourth | by the fourth | on the fifth | by the fifth | on the eighth |
        by the eighth | on the tenth | by the tenth | on the twelfth | by the twelfth | on the fourteenth |
        by the fourteenth | on the fifteenth | by the fifteenth | on the twentieth | by the twentieth |
        on the twenty-first | by the twenty-first | the first of | the second of | the third of |
        the fourth of | the fifth of | the eighth of | the tenth of | the twelfth of | the fourteenth of |
        the fifteenth of | the twentieth of | the twenty-first of |
        the end of the month | deadline |
        ago | last night | last winter | last summer | last spring | last autumn | last fall | this winter |
        this summer"""),
    places=phrases("""floor | room | meeting room | building | office | car park | parking | aisle | gate | site | atrium |
        canteen | kitchen | reception | corridor | lifts | lift | desk | warehouse | hall | auditorium |
        basement | campus | headquarters | hq | branch | depot | station | hotel | shared drive | folder |
        on the left | on the right | downstairs | upstairs"""),
    tools=phrases("""email | e-mail | mail | mailbox | link | intranet | sharepoint | microsoft teams | teams call | teams meeting |
        teams channel | on teams | via teams | over teams | onedrive | excel | outlook |
        slack | jira | sap | app | tool | system | software | ticket | tickets | form | portal | platform | module |
        laptop | laptops | printer | calendar | channel | invite | spreadsheet | dashboard | server | website |
        password | login | extension | database | update | upgrade | version | driver | charger | badge"""),
    bookings=phrases("""book | booked | booking | bookings | register | registration | sign up | signup | schedule |
        scheduled | rota | slot | slots | reminder | agenda | budget | receipts | receipt | expense |
        expenses | invoice | invoices | hotel | bus | buses | coach | taxi | supplier | suppliers |
        contractor | delivery | deliveries | catering | reserved | reservation | appointment | appointments |
        shift | shifts | rollout | roll out | migration | planning | plan | timeline | kickoff | dress code |
        per person | included"""),
    status=phrases("""works again | working again | is fixed | was fixed | got fixed | fixed | is done | is finished |
        went live | is live | shipped | launched | rolled out | is ready | on track | behind schedule | ahead of schedule | is up | is down | went up |
        went down | increased | decreased | grew | dropped | is delayed | delayed | pushed to | postponed |
        moved to | in place | is in | are in | passed | completed | up on | down to | down from | up from |
        over budget | under budget | target | targets | percent | per cent | % | figures | numbers | kpi | backlog |
        the results | the numbers | so far | still there | still waiting | at the moment | currently"""),
    number_words=phrases("""two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | thirteen | fourteen |
        fifteen | sixteen | seventeen | eighteen | nineteen | twenty | thirty | forty | fifty | sixty |
        seventy | eighty | ninety | hundred | thousand | million | millions | billion | percent | dozen |
        euros | euro | pounds | dollars"""),
    say_verbs=phrases("""say | says | said | think | thinks | thought | tell | tells | told | claim | claims |
        believe | believes | complain | complains | joke | jokes | reckon | reckons"""),
    turn_markers=phrases("""actually | in fact | it turns out | turns out | but | yet | instead | in reality |
        the truth is | really it's | it's really | now | today | these days"""),
    negations=phrases("""not | don't | doesn't | isn't | wasn't | aren't | weren't | never | can't | cannot | won't | nobody |
        nothing | didn't | haven't | hasn't | shouldn't | wouldn't | couldn't | ain't | nor"""),
    contrast_turns=phrases("but | it's | it is | they're | we're | you're | that's | instead | only | just | also"),
    comparisons=phrases("less | more | fewer | better | worse | than"),
    instead=phrases("instead of | rather than | more than | not because | than in"),
    absolutes=phrases("""always | never | everybody | everyone | nobody | nothing | everything | all | every |
        none | no one | anyone | forever | each"""),
    superlatives=phrases("""the best | the worst | the only | the most | the biggest | the hardest | the greatest | the smallest |
        the cheapest | the most expensive | the real | the one thing"""),
    insight_words=phrases("""key | secret | lesson | lessons | difference | truth | reason | point | rule | trick | matters |
        what matters | the thing | what counts | the heart | in the end"""),
    imperatives=phrases("""don't | never | go | ask | listen | look | watch | stop | start | try | remember | be |
        think | give | take | treat | trust | find | keep"""),
    similes=phrases("like a | like an | like the | as if | as though | as much as | the way a | like somebody"),
    concrete=phrases("""hear | hears | heard | smell | smells | taste | tastes | touch | notice | notices | feel the |
        hand | hands | eyes | eye | face | heart | voice | arm | arms | feet | foot | head | shoulder | skin |
        blood | tears | smile | breath | smell | sound | silence | quiet | noise | light | dark | darkness |
        cold | warm | rain | wind | snow | sun | fire | water | door | window | chair | table | coffee | tea |
        bread | box | boxes | phone | key | keys | letter | card | tree | garden | street |
        road | bridge | wall | walls | roof | bed | coat | shoes | dog | cat | baby | child |
        children | kids | mother | father | grandmother | wife | husband | daughter | son | dinner |
        breakfast | lunch | candle | mirror | photo | clock | night | pocket | pen | paper | cup | mug |
        sandwich | cake | song | music | wheel | engine"""),
    emotion=phrases("""proud | pride | scared | afraid | fear | loved | hate | angry | furious | cry | cried | crying |
        tears | laugh | laughed | laughing | happy | sad | lonely | alone | worried | nervous | brave |
        courage | shame | grateful | thankful | joy | hurt | pain"""),
    intensifiers=phrases("really | very | super | so | totally | absolutely | incredibly | honestly | truly | quite | pretty"),
    hedges=phrases("""i guess | maybe | a bit | a little bit | sort of | kind of | i mean | you know | probably |
        i suppose | more or less | or something | and stuff | basically | actually | like | um | uh | whatever"""),
    acronyms_common=phrases("it | hr | ceo | ai | tv | ok | uk | us | eu"),
)
