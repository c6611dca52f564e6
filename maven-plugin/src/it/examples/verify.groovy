// Checks what the builds of invoker.properties left in the examples project: their results, not only that they ran.
// build.log holds all of their output, in order; each Flightdeck goal wrote a run folder target/flightdeck/runs/<id>,
// ids in the order the runs started, ending in the suite (quick, leak-check, jmh).
import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def json = { File f -> assert f.isFile() : "no ${f}"; new JsonSlurper().parse(f) }
def runs = new File(basedir, 'target/flightdeck/runs').listFiles().findAll { it.directory }.sort { it.name }
def runsOf = { String suite -> runs.findAll { it.name.endsWith("-${suite}") } }
assert runsOf('quick').size() == 2 && runsOf('leak-check').size() == 1 && runsOf('jmh').size() == 2 :
        "two runs, a leak check and two JMH runs (the bad input is refused before a run starts), found ${runs*.name}"

// 1. verify: the tests ran and passed, the @HeapGrowthLimit one among them
// (surefire's XML report, read with the JDK's parser: the invoker's Groovy has no groovy-xml)
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/surefire-reports/TEST-com.example.cache.LruCacheTest.xml')).documentElement
assert ['failures', 'errors', 'skipped'].every { suite.getAttribute(it) == '0' } : 'not every test passed'
def cases = suite.getElementsByTagName('testcase')
assert (0..<cases.length).any { cases.item(it).getAttribute('name') == 'aFullCacheStopsGrowing' } :
        'the @HeapGrowthLimit test did not run'

// 2. run: every check held, and the profile finds the planted slow method
def run = runsOf('quick')[0]
def report = json(new File(run, 'report.json'))
assert report.verdict == 'passed'
def cache = report.workloads.find { it.name == 'lru-cache' }
assert cache != null : "report.json has no workload lru-cache: ${report.workloads*.name}"
assert cache.status == 'passed'
assert new File(run, 'lru-cache/recording.jfr').isFile() : 'the workload ran without a recording'
// among the three hottest by self time, not first: with a few hundred samples the JIT's inlining moves a share
// between hottest() and the operation that calls it (54 % first in one run, 21 % second behind operation() in another)
def hottest = cache.profile.hotMethods.take(3)*.name
assert hottest.any { it?.startsWith('com.example.cache.LruCache.hottest(') } :
        "LruCache.hottest should be among the three hottest methods, the profile says ${cache.profile.hotMethods}"
assert log.contains('[INFO] Flightdeck: suite quick, 1 workload(s)') : "Flightdeck's output is not in Maven's log"
assert log.contains('Flightdeck: every check held')
assert new File(basedir, '.flightdeck/history.jsonl').isFile() : 'the run is not in the project\'s home history'

// 3. a budget failed, with failOnCheck: the build failed, the report says why
def overBudget = json(new File(runsOf('quick')[1], 'report.json'))
assert overBudget.verdict == 'failed'
assert overBudget.budgets.any { it.workload == 'lru-cache' && it.metric == 'p50' && it.status == 'FAIL' } :
        "the impossible budget did not fail: ${overBudget.budgets}"
assert log =~ /\[ERROR\] Failed to execute goal .*flightdeck-maven-plugin.*:run .*Flightdeck: a check failed/

// 4. leak-check: the leak found, its top suspect held by the static field EVICTIONS; the build went on
def leak = json(new File(runsOf('leak-check')[0], 'report.json'))
def evictions = leak.leakChecks.find { it.workload == 'lru-cache-evictions' }
assert evictions != null && evictions.verdict == 'failed' : "no leak found: ${leak.leakChecks}"
def suspect = evictions.suspects[0]
assert suspect.chains.any { chain -> chain.path.any { it =~ /com\.example\.cache\.LruCache\b.*\.EVICTIONS$/ } } :
        "the top suspect is not held by LruCache.EVICTIONS: ${suspect}"
assert log.contains('The build goes on: set failOnCheck')

// 5. bad input: one line naming the workload
assert log =~ /\[ERROR\] Failed to execute goal .*:run .*flightdeck: .*no-such-workload/

// 6. profile-jmh: each benchmark method a workload with its flame graph; saved as a baseline
def benchmarks = ['com.example.cache.LruCacheBenchmark.getOrPut', 'com.example.cache.LruCacheBenchmark.hottest']
def (saved, compared) = runsOf('jmh')
def jmh = json(new File(saved, 'report.json'))
assert jmh.workloads*.name.sort() == benchmarks : "the benchmarks are not the run's workloads: ${jmh.workloads*.name}"
benchmarks.each { b ->
    assert new File(saved, "${b}/flamegraph-cpu.html").isFile() : "no CPU flame graph for ${b}"
}
assert !new File(saved, 'comparison.json').exists() : 'the first JMH run had no baseline to compare with'
assert new File(basedir, '.flightdeck/baselines/jmh-base').isDirectory() : 'the baseline jmh-base was not saved'

// 7. profile-jmh against the baseline: compared benchmark by benchmark (the verdict is the machine's to decide)
def comparison = json(new File(compared, 'comparison.json'))
assert comparison.baseline.runId == saved.name : "compared against ${comparison.baseline}, not the saved run"
assert comparison.workloads.collect { it.workload }.sort() == benchmarks
assert comparison.workloads.every { it.status == 'compared' } : "not every benchmark was compared: ${comparison.workloads}"
assert json(new File(compared, 'report.json')).workloads*.name.sort() == benchmarks
true
