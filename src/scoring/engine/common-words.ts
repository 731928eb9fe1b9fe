/**
 * Correctly spelled English words that are one or two edits away from common
 * rubric vocabulary ("track" / "trace", "simple" / "sample", "patent" /
 * "parent"). A word in this list (or in the thesaurus, or anywhere in the
 * rubric) is never treated as a misspelling of something else: misspelling
 * tolerance is for typos, not for different words.
 */
const WORDS = `
about above accept access account across action active actual added address admit adopt advice affect after again
agent agree ahead alarm album alert alive allow alone along alter among amount angle angry apart apple apply argue
arise array aside asked asset assign assume attach attack attempt audit author avoid award aware badge baker basic
basis batch beach begin being below bench birth black blame blank blind block blood board boost booth bound brain
brand bread break breed brief bring broad broke brown build built burst buyer cable carry catch cause chain chair
chance change charge chart chase cheap check chest chief child choice chose civil claim class clean clear click
client climb clock close cloud coach coast count court cover crack craft crash crazy cream crime cross crowd crown
curve cycle daily dance dealt death debug debut delay delta depth dirty doubt dozen draft drama drawn dream dress
drink drive drove dying eager early earth eight elite empty enemy enjoy enter entry equal error essay event every
exact exist extra faith false fault fiber field fifth fifty fight final first fixed flash fleet floor fluid focus
force forth forty forum found frame frank fraud fresh front fruit fully funny giant given glass globe going grace
grade grand grant grass great green gross group grown guard guess guest guide happy heart heavy hence horse hotel
house human ideal image imply index inner input issue joint judge juice known label large laser later laugh layer
learn lease least leave legal level light limit linen lived local logic loose lower lucky lunch major maker march
match maybe mayor meant media metal might minor minus mixed model money month moral motor mount mouse mouth moved
movie music needs never newly night noise north noted novel nurse occur ocean offer often order other ought outer
owner paint panel paper party patch peace penny phase phone photo piece pilot pitch place plain plane plant plate
point pound power press price pride prime print prior prize proof proud prove queen quick quiet quite radio raise
range rapid ratio reach ready refer relax reply right rival river rough round route royal rural scale scene scope
score sense serve seven shall shape share sharp sheet shelf shell shift shirt shock shoot short shown sight since
sixth sixty skill sleep slide small smart smile smith smoke solid solve sorry sound south space spare speak speed
spend spent split spoke sport staff stage stake stand start state steam steel stick still stock stone stood store
storm story strip stuck study stuff style sugar suite super sweet table taken taste teach teeth thank theft their
theme there these thick thing think third those three threw throw tight times tired title today topic total touch
tough tower track trade trail train trait treat trend trial tried tries truck truly trust truth twice under union
unity until upper upset urban usage usual valid value video virus visit vital voice waste watch water wheel where
which while white whole whose woman women world worry worse worst worth would wound write wrong wrote yield young
youth
absence absolute academic accident accurate achieve acquire adapter addition adequate adjacent adjust advance
advise airline alcohol already although amazing analyst ancient annual another anxiety anybody anymore anything
anywhere apparent appear approach approve arrange article artist aspect athlete attempt attract average balance
barrier battery because bedroom behavior believe benefit between bicycle billion biology blanket borrow bottle
bottom breath briefly brother budget builder burden business cabinet caller camera campus cancer capable capital
captain capture career careful carrier ceiling central century certain chamber chapter charity cheaper chicken
circle citizen climate clinic closely clothes cluster coffee collect college column combine comfort command comment
common company compare compete complex concept concern conduct confirm connect consent consist contact contain
content contest context control convert cooking correct cottage council counter country couple courage cousin
create creature credit crisis critic crucial culture current custom damage danger dealer debate decade decent
decide decline deeply defend define degree deliver demand deposit deputy derive design desire detail detect device
differ dinner direct dispute distant divide doctor domain double driver during easily eastern economy edition
editor effect effort either elderly element emotion employ enable energy engine enough ensure entire episode equally
escape estate ethnic evening exactly examine example excited exclude exhibit expand expect expert explain explore
export expose extend extent factor fairly family famous farmer father feature federal feeling fellow female figure
filter finger finish fiscal flight flower follow forest forget formal former fortune forward frankly freedom friend
frozen future gallery garden gather gender general gently global golden govern guitar handle happen hardly health
heaven height helpful highly history holiday honest horror however hundred hunting husband illegal illness imagine
impact impose improve include income indeed inform injury inside insist install instead intend invest involve island
itself journey justice kitchen killer largely lawyer leader league leather legacy lesson letter liberal library
likely limited listen little living lovely mainly manage manner market master matter medium member memory mental
merely method middle miller minute mirror mission mobile modern moment mostly mother motion museum mutual myself
narrow nation native nature nearby nearly neither nervous network nobody normal notice number object obtain obvious
office online option orange origin output outside overall parent partly passage patent patient pattern payment
people pepper perfect perform perhaps period person phrase picture planet player please plenty pocket poetry police
policy portion poster potato powder prefer prepare present pretty prevent primary printer private problem proceed
process produce product profit program project promise prompt proper protect protein provide public publish purple
purpose pursue quality quarter racing random rapidly rarely rather reader really reason recall receive recent record
recover reduce reflect reform refuse regard region regular reject relate release remain remote remove repeat replace
report request rescue resist resort result retain retire return reveal review reward rhythm rising sample saving
scheme school screen search season second secret sector secure seller senior series server settle severe shadow
shower signal silver simple simply singer single sister slight slowly smooth soccer social soldier somehow someone
source speaker special spirit spread spring square stable status steady stream street strike string strong student
studio submit sudden suffer summer summit supply surely survey switch symbol system talent target teacher tenant
tennis theater theory thirty though thread threat ticket timber tissue toward tracing traffic travel treaty tribal
tunnel twelve typical unique unless unlike update useful valley variety vendor venture version victim village
violent virtual visible visual volume wealth weapon weekly weight welcome western window winner winter wisdom within
without wonder wooden worker writer yellow
ability absorb abstract academy accent accepted accuracy acting actively actress adding adjusted admire adopted
advanced adverse advocate aerial affair afford afraid agency agenda agreed aircraft alarm albeit alike allied allowed
almost altered amazing amended amount amused analyse analyze anchor angel animal announce answer anyway appeal applied
approval arguing arrival arrow aspect assembly asserted assess assist assumed asleep assured atomic attend attitude
attorney auction august autumn avenue awaiting awful backup baking banner barely barrel basket battle beaten beauty
became become before began begun behalf behind being belief belong beside better beyond bigger billing binary binding
bitter blocked blocking border bother bounce bounded boxing branch breach breaker breaking bridge bright broken broker
bucket buffer bundle burned button buying bypass cached caching calling calmly cancel candle canvas carbon careless
casual caught center certainly chained changed channel chapter charged chatty checked cheese chosen church circuit
claimed classic clause cleaner clearly clever climbed clinical closed closer closing coding coffee collapse colored
combat comedy coming commit commonly compact compete compile complete complex comply compose compound compute
computer concise concrete confused connect console constant consume contend context contract convey cookie copied
corner corrupt costly cotton counted counter county couple course covered cracked crafted create created creator
credit cricket crowded cruise crystal cursor curtain custody customer cutting damaged dancing darker dashboard
database dealing debate decent decided decimal declare decode decoded decrypt default defeat defect defense defined
degrade delayed delete deleted demand denied depend deploy deputy desert deserve desktop detach detail devoted
dialog diesel digest digital dinner direct disable discard discuss disease dismiss disorder display disposal
distinct divided docker document dollar domain donate double doubled downward dozens drafted dragon drawer dressed
drifted driven driving dropped drying duplex during duties dynamic eagle earned easier eating economic edited effort
eighty either elected eleven email embed emerge employ enable encode encoded ending endless engage enhance enjoyed
enough entered entity equity equally erased errand escape estate evaluate evening events exact examine exceed except
excess exchange excited exclude execute exempt exercise exhaust exist exited expand expect expense expert expire
explain explicit exploit explore exposed express extended extract fabric facing factor failed failing failure fairly
fallen family famous farming faster father faulty favor feature feeding feeling fellow fewer fiction fields fifteen
fighting figure filing filled filter finally finance finding finger finished firmly fitness fixing flagged flat
flawed flight floating flower flying folder follow forced forest forever formal format formed former forming formula
fortune forward fought fourth framed freely french friend frozen fulfil funded further gained gallery garage garbage
gather gentle gently genuine gesture giving glance global golden govern grabbed graded gradual grammar graphic
grateful gravity greater greatly ground growing growth guided guilty guitar habit handle handled handler happen
happily harbor hardly harmful hazard header headed health healthy hearing heated heavily height helped helping hidden
highly hiring history holder holding hollow honest honey hoped hosted hourly housing hunger hunted hybrid ideal
ignore ignored illegal imagine impact import imposed improve include income indeed indexed inform initial injured
inline inner insert inside insist inspect install instant intake intent invalid invent invest invite invoice involve
island issued itself jacket joined journal jumped junior keeper kernel keyword killed kindly knowing label labeled
ladder landed laptop larger lasted lately latest latter launch lawyer layout leader leading leaked leaking learned
leaving legacy length lesser letter liable licence license lifted likely limited linear linger liquid listed listen
living loaded loader loading locate locked logged logger logging logical longer looking looped loosely losing lowered
loyal lucky machine mainly maintain making manage manual mapped mapping margin marked market master matched matter
maximum meaning measure medium member memory mental mentor merely merged merger message method metric middle
migrate mildly million minimum minute mirror missed missing mission mistake mixed mobile modify module moment
monitor monthly morning mostly motion mounted moving muscle museum mutual mystery naming narrow native natural nearby
nearly needed nested network neutral newer nicely nobody nominal normal notable notably noted nothing notice notify
novice number object obtain obvious occupy offer office offset online opened opening operate opinion oppose option
orange ordered organ origin others output outside overall overlap owned packet padding paging paired panel parallel
parcel parked parser partial partly passed passing patch patient pattern paused paying peaceful pencil people
percent perfect perform period permit person phrase picked pillar pinned placed planet platform played player
please pledge plenty pocket pointer poison police policy polish polite pooled popular portal posted poster potato
powder powered praise prefer premium prepare present preset pretty prevent priced primary prince printed priority
prison privacy private process produce product profile profit program project prompt proper protect protocol proven
provide public publish pulled purchase purely purpose pursue pushed puzzle quality quantity quarter queried queue
quickly quietly quoted racing random ranked rapidly rarely rather rating reached reader reading really reason rebuild
recall receipt receive recent record recover reduce refer reflect reform refresh refund region regret regular reject
related release relief remain remark remote remove render rental repair repeat replace replied report request
require rescue research reserve reset resolve resort resource respond result resume retail retain retire retry
return reveal review revise reward rhythm ribbon richer riding rising robust rocket roller rotate rough routine
routing rubber ruling runner running runtime safely safety salary sample saving saying scaled scaling scanned
scatter schema scheme school science screen script search season second secret section secure select seller senior
sensor series server service session setting settle severe shadow shaped shared sharing shifted shipped shipping
shorter should shoulder showed shower signal signed silent silver simple simply single sister sketch skipped slice
slower slowly smaller smooth socket solely solved sorted source spaced spare speaker special spend spoken sponsor
spread spring square stable staged stamped standard started startup stated static status stayed steady sticky
stolen stored straight strange stream street stress strict strike string stripe strong struct studio styled
submit subset subtle suburb sudden suffer suggest summary summer supply support suppose surely surface surplus
survey suspend switch symbol syntax system tablet tackle tagged tailor taking talent talked target tasked teacher
temple tenant tender tested testing thanks theory thinking thirty thought thread threat thrown ticket tightly timed
timing tissue titled toggle tolerate tomato tonight toolkit topic totally toward tracker trading traffic trailer
trained transfer travel treated tricky trigger triple trouble trusted trying tuned tunnel turned twelve twenty typed
typical unable unclear undone unique united unknown unless unlike unlock unused update upgrade upload upper upward
urgent usable useful useless username utility vacuum valid valley valued variable variety vector vendor venue
verbose verify version vessel victim viewer village violate virtual visible vision visual volume voting wallet
wanted warmer warned washed waste watched weaker wealthy weapon weekly weight welcome western whether window winner
winter wisely within without witness wonder wooden worker working worried worthy writer writing written yearly
yellow yields younger zipped
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
