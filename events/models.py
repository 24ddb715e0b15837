# Events, expos and their occurrences arrive with the events issue.
