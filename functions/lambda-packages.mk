# Included by functions/handlers/Makefile and functions/handlers-media/Makefile, the `sam build` entries of the two
# Lambda packages (BuildMethod: makefile, run with --build-in-source). One Maven run builds both packages into their
# modules' target/lambda (classes at the root, runtime jars in lib/: the Lambda Java zip layout) and stamps both, so
# a `sam build` runs Maven once; it runs again when a pom or a file under a module's src/ is newer than the stamps
# (any Maven build of the modules also removes them). Bytecode targets Java 17, which the java21 runtime runs.
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
MVN ?= mvn -B -q
LIGHT_PACKAGE := $(ROOT)/functions/handlers/target/lambda
MEDIA_PACKAGE := $(ROOT)/functions/handlers-media/target/lambda
SOURCES := $(shell find $(ROOT)/pom.xml $(ROOT)/functions -name target -prune -o -type f \( -path '*/src/*' -o -name pom.xml \) -print)

$(LIGHT_PACKAGE)/.built $(MEDIA_PACKAGE)/.built: $(SOURCES)
	cd $(ROOT) && $(MVN) -pl functions/handlers,functions/handlers-media -am -DskipTests package
	touch $(LIGHT_PACKAGE)/.built $(MEDIA_PACKAGE)/.built
