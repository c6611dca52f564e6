// Checks what the four builds of invoker.properties left: build.log holds all of their output, in order.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

def runs = new File(basedir, 'target/flightdeck/runs').listFiles().findAll { it.directory }.sort { it.name }
assert runs.size() == 3 : "three runs (the fourth is refused before it starts), found ${runs*.name}"

def reports = runs.collect { new File(it, 'report.json') }
reports.each { assert it.isFile() : "no report.json in ${it.parentFile}" }
def first = new JsonSlurper().parse(reports[0])
assert first.toString().contains('lru-cache') : "report.json does not name the workload lru-cache"
assert new File(runs[0], 'lru-cache/recording.jfr').isFile() : 'the workload ran without a recording'
assert new File(runs[0], 'lru-cache/result.json').isFile() : 'the workload did not run'

// 1: every check held; the run is in the project's home history
assert log.contains('Flightdeck: every check held')
assert new File(basedir, '.flightdeck').isDirectory() : 'no home folder in the project'
// 2 and 3: the budget failed; a warning without failOnCheck, a failed build with it
assert log.contains('The build goes on: set failOnCheck')
assert log =~ /\[ERROR\] Failed to execute goal .*flightdeck-maven-plugin.*:run .*Flightdeck: a check failed/
// 4: bad input is one line naming the workload
assert log =~ /\[ERROR\] Failed to execute goal .*:run .*flightdeck: .*no-such-workload/
// Flightdeck's own output went through Maven's log
assert log.contains('[INFO] Flightdeck: suite quick, 1 workload(s)')
true
